import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKnowledge, KnowledgeError, loadKnowledge } from '../../src/core/knowledge/load.js';
import { FIXTURE_KB_DIR } from '../helpers.js';

const valid = `topic: demo
title: { zh: 演示, en: Demo }
entries:
  - id: demo-entry
    level: junior
    tags: [demo]
    sources: []
    refs: [https://kubernetes.io/docs/home/]
    zh: { question: 这是什么？, aliases: [甲, 乙], short: 一个演示。, keyPoints: [第一点, 第二点, 第三点], answer: 演示条目。 }
    en: { question: What is this?, aliases: [a, b], short: A demo., keyPoints: [point one, point two, point three], answer: A demo entry. }
    quiz:
      - answer: 0
        zh: { question: 问？, options: [一, 二, 三, 四], explanation: 因为。 }
        en: { question: Q?, options: [one, two, three, four], explanation: Because. }
`;

describe('knowledge loading', () => {
  it('requires 3-6 key points of at most 140 characters in each language', () => {
    const few = buildKnowledge([{ name: 'knowledge/demo.yaml', text: valid.replace('keyPoints: [第一点, 第二点, 第三点]', 'keyPoints: [第一点]') }]);
    expect(few.problems.map((p) => p.message)).toContain('zh.keyPoints needs at least 3 item(s)');
    const long = buildKnowledge([{ name: 'knowledge/demo.yaml', text: valid.replace('point three', 'x'.repeat(141)) }]);
    expect(long.problems.map((p) => p.message).join('\n')).toMatch(/en\.keyPoints: "x+…" is longer than 140 characters/);
  });


  it('loads a valid file', () => {
    const { kb, problems } = buildKnowledge([{ name: 'knowledge/demo.yaml', text: valid }]);
    expect(problems).toEqual([]);
    expect(kb.byId.get('demo-entry')?.en.short).toBe('A demo.');
  });

  it('names the file and the entry for every problem, all at once', () => {
    const broken = valid.replace('level: junior', 'level: expert').replace('aliases: [a, b]', 'aliases: [a]').replace('options: [one, two, three, four]', 'options: [one, two]');
    const { problems } = buildKnowledge([{ name: 'knowledge/demo.yaml', text: broken }]);
    const messages = problems.map((p) => `${p.file} ${p.entry} ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/knowledge\/demo.yaml demo-entry level must be one of/),
        expect.stringMatching(/demo-entry en.aliases needs at least 2/),
        expect.stringMatching(/demo-entry quiz\[0\]: en.options must have exactly 4/),
      ]),
    );
  });

  it('reports invalid YAML with its line', () => {
    const { problems } = buildKnowledge([{ name: 'knowledge/demo.yaml', text: valid.replace('tags: [demo]', 'tags: [demo') }]);
    expect(problems[0]?.file).toBe('knowledge/demo.yaml');
    expect(problems[0]?.message).toMatch(/not valid YAML at line \d+/);
  });

  it('rejects duplicate ids across files, unknown related ids and missing languages', () => {
    const other = valid.replace('topic: demo', 'topic: other').replace('id: demo-entry', 'id: demo-entry\n    related: [nope]');
    const noEn = valid.replace(/\n    en: \{[^\n]*\}/, '').replace('topic: demo', 'topic: third').replace('demo-entry', 'third-entry');
    const { problems } = buildKnowledge([
      { name: 'knowledge/demo.yaml', text: valid },
      { name: 'knowledge/other.yaml', text: other },
      { name: 'knowledge/third.yaml', text: noEn },
    ]);
    const text = problems.map((p) => `${p.file}: ${p.entry}: ${p.message}`).join('\n');
    expect(text).toMatch(/other.yaml: demo-entry: id is already used in knowledge\/demo.yaml/);
    expect(text).toMatch(/related id "nope" does not exist/);
    expect(text).toMatch(/third.yaml: third-entry: en block is missing/);
  });

  it('requires the topic to match the file name and Chinese in the zh block', () => {
    const { problems } = buildKnowledge([{ name: 'knowledge/wrong.yaml', text: valid.replace('question: 这是什么？', 'question: What?').replace('short: 一个演示。', 'short: demo') }]);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/topic must be "wrong"[\s\S]*zh.question and zh.short must be written in Chinese/);
  });

  it('throws one KnowledgeError listing every problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'demo.yaml'), valid.replace('level: junior', 'level: x').replace('tags: [demo]', 'tags: []'));
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/2 problem\(s\)[\s\S]*knowledge\/demo.yaml: entry "demo-entry": level[\s\S]*tags needs at least 1/);
  });

  it('treats an empty directory as an error, not an empty bot', () => {
    expect(() => loadKnowledge(mkdtempSync(join(tmpdir(), 'kb-')))).toThrow(/no topic files/);
  });

  it('loads the fixture base used by the other tests', () => {
    expect(loadKnowledge(FIXTURE_KB_DIR).entries.length).toBe(4);
  });
});
