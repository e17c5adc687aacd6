import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/core/commands/parse-text.js';
import type { Command } from '../../src/core/commands/types.js';
import { UserError } from '../../src/core/errors.js';
import { textReply } from '../../src/core/reply.js';

const d = { en: 'x', zh: 'x' };
const quiz: Command = {
  name: 'quiz',
  description: d,
  options: [
    { name: 'topic', type: 'string', description: d, choices: [{ value: 'networking', label: d }, { value: 'pods', label: d }] },
    { name: 'level', type: 'string', description: d, choices: [{ value: 'junior', label: d }, { value: 'senior', label: d }] },
    { name: 'count', type: 'integer', description: d, min: 1, max: 20 },
  ],
  run: () => textReply('ok'),
};
const ask: Command = { name: 'ask', description: d, options: [{ name: 'question', type: 'string', required: true, rest: true, description: d }], run: () => textReply('') };
const daily: Command = {
  name: 'daily',
  description: d,
  subcommands: [{ name: 'status', description: d, options: [], run: () => textReply('') }],
};
const all = [quiz, ask, daily];

describe('parseCommandText', () => {
  it('treats plain text as a question', () => {
    const inv = parseCommandText('what is a pod', all, 'en');
    expect(inv.command.name).toBe('ask');
    expect(inv.args).toEqual({ question: 'what is a pod' });
  });

  it('matches positional words to options by what they can be', () => {
    expect(parseCommandText('/quiz 5 networking', all, 'en').args).toEqual({ count: 5, topic: 'networking' });
    expect(parseCommandText('/quiz senior', all, 'en').args).toEqual({ level: 'senior' });
    expect(parseCommandText('/quiz count:3 topic=PODS', all, 'en').args).toEqual({ count: 3, topic: 'pods' });
    expect(parseCommandText('/quiz --count 3', all, 'en').args).toEqual({ count: 3 });
  });

  it('gives the rest of the line to a rest option', () => {
    expect(parseCommandText('/ask what is   a pod?', all, 'en').args).toEqual({ question: 'what is a pod?' });
  });

  it('parses sub-commands', () => {
    expect(parseCommandText('/daily status', all, 'en').subcommand?.name).toBe('status');
    expect(() => parseCommandText('/daily nope', all, 'en')).toThrow(/no sub-command `nope`. Choose one of: status/);
  });

  it('explains unknown commands, options and bad values', () => {
    expect(() => parseCommandText('/nope', all, 'en')).toThrow(UserError);
    expect(() => parseCommandText('/quiz colour:red', all, 'en')).toThrow(/Unknown option `colour`/);
    expect(() => parseCommandText('/quiz count:99', all, 'en')).toThrow(/whole number \(1–20\)/);
    expect(() => parseCommandText('/quiz banana', all, 'en')).toThrow(/don't understand `banana`/);
    expect(() => parseCommandText('/ask', all, 'zh')).toThrow(/需要 `question`/);
  });

  it('accepts commands without a slash where the platform already addressed the bot', () => {
    expect(parseCommandText('quiz pods', all, 'en', { slashOptional: true }).command.name).toBe('quiz');
    expect(parseCommandText('quiz pods', all, 'en').command.name).toBe('ask');
  });
});
