import { describe, expect, it } from 'vitest';
import { buildKnowledge, readKnowledgeDir } from '../../src/core/knowledge/load.js';
import { formatProblem } from '../../src/core/knowledge/validate.js';
import { REAL_KB_DIR } from '../helpers.js';

describe('the real knowledge base', () => {
  const { kb, problems } = buildKnowledge(readKnowledgeDir(REAL_KB_DIR));

  it('loads without a single problem', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('is complete in both languages with quiz items for every entry', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(30);
    for (const e of kb.entries) {
      expect(e.quiz.length, e.id).toBeGreaterThan(0);
      expect(e.zh.aliases.length + e.en.aliases.length, e.id).toBeGreaterThanOrEqual(4);
    }
  });

  it('has an answer for each quiz option index', () => {
    for (const e of kb.entries) for (const q of e.quiz) expect(q.zh.options[q.answer], e.id).toBeDefined();
  });
});
