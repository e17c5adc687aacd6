import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildKnowledge, readKnowledgeDir } from '../../src/core/knowledge/load.js';
import { checkAgainstKnowledge, DEV_DIR, loadSet, nearCopies, readSplits } from '../../src/cli/eval-sets.js';
import { REAL_KB_DIR } from '../helpers.js';

describe('development set', () => {
  const splits = readSplits();
  const train = loadSet('train');
  const validation = loadSet('validation');
  const all = [...train.questions, ...validation.questions];

  it('puts every source file in exactly one split, whole', () => {
    const files = readdirSync(DEV_DIR).filter((f) => f.endsWith('.yaml') && f !== 'splits.yaml').map((f) => f.replace(/\.yaml$/, ''));
    expect([...splits.train, ...splits.validation].sort()).toEqual(files.sort());
    expect(splits.train.filter((s) => splits.validation.includes(s))).toEqual([]);
  });

  it('is fully labelled, large and varied enough to measure by language', () => {
    expect([...train.problems, ...validation.problems]).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(2000);
    expect(all.filter((q) => q.lang === 'zh').length).toBeGreaterThanOrEqual(800);
    expect(all.filter((q) => q.lang === 'en').length).toBeGreaterThanOrEqual(800);
    expect(all.filter((q) => q.expect.length === 0).length).toBeGreaterThanOrEqual(400);
    expect(validation.questions.length / all.length).toBeGreaterThanOrEqual(0.3);
  });

  it('records repository, path and commit for every public question', () => {
    for (const id of [...splits.train, ...splits.validation]) {
      const data = parseYaml(readFileSync(join(DEV_DIR, `${id}.yaml`), 'utf8')) as { source: { kind: string; repo?: string }; questions: { path?: string; commit?: string }[] };
      if (data.source.kind !== 'public') continue;
      expect(data.source.repo, id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      for (const q of data.questions) {
        expect(q.path, id).toBeTruthy();
        expect(q.commit, id).toMatch(/^[0-9a-f]{40}$/);
      }
    }
  });

  it("has no question that an entry's alias copies or nearly copies", () => {
    const { kb } = buildKnowledge(readKnowledgeDir(REAL_KB_DIR));
    expect(checkAgainstKnowledge(kb, all)).toEqual([]);
  });
});

describe('near-copy check', () => {
  it('catches a copied or lightly edited phrasing and lets a real paraphrase through', () => {
    const phrasings = ['What does the pause container do in a Pod?', 'pause 容器在 Pod 里起什么作用？'];
    expect(nearCopies(['what does the pause container do in a pod'], phrasings)).toHaveLength(1);
    expect(nearCopies(['What does the pause container do in Pods?'], phrasings)).toHaveLength(1);
    expect(nearCopies(['pause 容器在 Pod 里有什么作用'], phrasings)).toHaveLength(1);
    expect(nearCopies(['why is there an extra infra container in every pod'], phrasings)).toHaveLength(0);
  });
});
