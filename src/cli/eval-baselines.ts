import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import type { KnowledgeIndex } from '../core/search/index.js';
import { tokenize } from '../core/search/tokenize.js';
import type { EvalQuestion } from './eval-sets.js';

/**
 * Simpler rankers to hold the learned one against (`npm run eval -- --compare`): each ranks the
 * covered questions and the share it puts a right entry first is reported side by side.
 */
export function compareRankers(kb: KnowledgeBase, index: KnowledgeIndex, questions: readonly EvalQuestion[]) {
  const plain = plainMiniSearch(kb);
  const covered = questions.filter((q) => q.expect.length > 0);
  const rankers: Record<string, (q: string) => string | undefined> = {
    'plain minisearch (bigrams, 3 fields, fuzzy; no learning)': (q) => plain.search(q)[0]?.id as string | undefined,
    'BM25 over phrasings + short answer alone': (q) => best(index, q, (h) => h.features.bm25Rel),
    'best-phrasing cosine alone': (q) => best(index, q, (h) => h.features.phrase),
    'learned ranker (this bot)': (q) => index.search(q, 1).hits[0]?.entry.id,
  };
  return Object.entries(rankers).map(([name, rank]) => {
    const right = covered.filter((q) => {
      const id = rank(q.q);
      return id !== undefined && q.expect.includes(id);
    }).length;
    return { ranker: name, rankedFirst: covered.length ? right / covered.length : 0 };
  });
}

function best(index: KnowledgeIndex, q: string, by: (h: ReturnType<KnowledgeIndex['search']>['hits'][number]) => number): string | undefined {
  const hits = index.search(q, 1000).hits;
  let top: (typeof hits)[number] | undefined;
  for (const h of hits) if (!top || by(h) > by(top)) top = h;
  return top?.entry.id;
}

/** The baseline described in shared/notes/answer-quality.md: the project's tokenizer, fields title/short/answer boosted 4/1.2/0.6, fuzzy 0.2. */
function plainMiniSearch(kb: KnowledgeBase) {
  const ms = new MiniSearch<{ id: string; title: string; short: string; answer: string }>({
    fields: ['title', 'short', 'answer'],
    tokenize: (t) => tokenize(t),
    processTerm: (t) => t,
    searchOptions: { boost: { title: 4, short: 1.2, answer: 0.6 }, fuzzy: 0.2 },
  });
  ms.addAll(
    kb.entries.map((e) => ({
      id: e.id,
      title: [e.zh.question, e.en.question, ...e.zh.aliases, ...e.en.aliases, ...e.tags].join(' \n '),
      short: `${e.zh.short} \n ${e.en.short}`,
      answer: `${e.zh.answer} \n ${e.en.answer}`,
    })),
  );
  return ms;
}
