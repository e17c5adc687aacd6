import { describe, expect, it } from 'vitest';
import { longestIsKeyShare } from '../../src/core/knowledge/quiz-stats.js';
import type { Entry, KnowledgeBase } from '../../src/core/knowledge/types.js';

const item = (answer: number, options: string[]) => ({ answer, zh: { question: '问', options, explanation: '因' }, en: { question: 'q', options, explanation: 'b' } });

describe('longest-is-key share', () => {
  it('counts items whose keyed option is strictly the longest, per language', () => {
    const entry = { quiz: [item(0, ['the longest one', 'b', 'c', 'd']), item(1, ['aa', 'bb', 'c', 'd']), item(2, ['a', 'b', 'c', 'the longest'])] } as unknown as Entry;
    const kb = { entries: [entry], topics: [], byId: new Map() } as unknown as KnowledgeBase;
    // Item 2 ties with another option (not strictly longest); item 3's key is short.
    expect(longestIsKeyShare(kb)).toEqual({ zh: 1 / 3, en: 1 / 3 });
  });
});
