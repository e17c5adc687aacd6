import type { KnowledgeBase, Lang } from './types.js';

/**
 * Share of quiz items whose keyed option is strictly the longest, per language. A test-wise
 * candidate who always picks the longest option should score about chance (25%), not more.
 */
export function longestIsKeyShare(kb: KnowledgeBase): Record<Lang, number> {
  const share = (lang: Lang) => {
    const items = kb.entries.flatMap((e) => e.quiz);
    const longest = items.filter((q) => {
      const lengths = q[lang].options.map((o) => [...o].length);
      const key = lengths[q.answer]!;
      return lengths.every((l, i) => i === q.answer || l < key);
    }).length;
    return items.length ? longest / items.length : 0;
  };
  return { zh: share('zh'), en: share('en') };
}
