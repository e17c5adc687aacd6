import MiniSearch from 'minisearch';
import type { Entry } from '../knowledge/types.js';
import type { AnalyzedQuery } from './query.js';
import { tokenize } from './tokenize.js';
import { isLatin } from './vocabulary.js';

/** What the field index says about one candidate entry. */
export interface FieldMatch {
  /** MiniSearch's BM25 score, per matched typed word so long queries don't win by length. */
  bm25: number;
  /** Per typed word, the best weight it matched with anywhere, and in the entry's phrasings/tags. */
  any: Map<string, number>;
  title: Map<string, number>;
  short: Map<string, number>;
}

interface Doc {
  id: string;
  title: string;
  short: string;
  answer: string;
}

export const FIELDS = ['title', 'short', 'answer'] as const;
// Answers are long and mention everything; a match in the title says much more.
const BOOST = { title: 4, short: 1.2, answer: 0.6 };
/** Answer words in more than this share of entries tell none apart; they are left to the other fields. */
const COMMON_ANSWER_SHARE = 0.5;

/**
 * MiniSearch keeps terms in a radix tree whose nodes scan their children linearly. Chinese bigrams
 * start with thousands of distinct characters, so the root had ~2,500 children and indexing took
 * seconds. Spelling Han terms in hex under one marker keeps every node narrow (measured: index
 * build 2.9 s → well under a second). Only exact lookups happen on them.
 */
const indexKey = (term: string): string => (isLatin(term) ? term : `~${[...term].map((c) => c.codePointAt(0)!.toString(16)).join('.')}`);

export function entryFieldTexts(e: Entry): Record<(typeof FIELDS)[number], string> {
  return {
    title: [e.zh.question, e.en.question, ...e.zh.aliases, ...e.en.aliases, ...e.tags, e.id.replace(/-/g, ' ')].join(' \n '),
    short: [e.zh.short, e.en.short, ...e.zh.keyPoints, ...e.en.keyPoints].join(' \n '),
    answer: `${e.zh.answer} \n ${e.en.answer}`,
  };
}

const OPTIONS = {
  fields: [...FIELDS],
  storeFields: [],
  // Documents arrive already tokenized and keyed: splitting on spaces is all that is left.
  tokenize: (text: string) => (text ? text.split(' ') : []),
  processTerm: (term: string) => term,
  searchOptions: { boost: BOOST, combineWith: 'OR' as const },
};

/** BM25 over three fields of every entry: the first-phase candidate generator. */
export class FieldIndex {
  private readonly ms: MiniSearch<Doc>;

  constructor(entries: readonly Entry[], tokenized: readonly string[][][], snapshot?: unknown) {
    if (snapshot) {
      this.ms = MiniSearch.loadJS<Doc>(snapshot as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
      return;
    }
    this.ms = new MiniSearch<Doc>(OPTIONS);
    const answerFreq = new Map<string, number>();
    for (const d of tokenized) for (const t of new Set(d[2])) answerFreq.set(t, (answerFreq.get(t) ?? 0) + 1);
    const everywhere = (t: string) => (answerFreq.get(t) ?? 0) > COMMON_ANSWER_SHARE * tokenized.length;
    const docs = entries.map((e, i) => {
      const [title, short, answer] = tokenized[i]!;
      // In the long answer, how often a word recurs says little (BM25 saturates anyway): each distinct word once.
      const answerTerms = [...new Set(answer)].filter((t) => !everywhere(t));
      return { id: e.id, title: title!.map(indexKey).join(' '), short: short!.map(indexKey).join(' '), answer: answerTerms.map(indexKey).join(' ') };
    });
    this.ms.addAll(docs);
  }

  static tokenizeEntry(e: Entry): string[][] {
    const f = entryFieldTexts(e);
    return FIELDS.map((name) => tokenize(f[name]));
  }

  snapshot(): unknown {
    return this.ms.toJSON();
  }

  search(q: AnalyzedQuery, depth: number): Map<string, FieldMatch> {
    const byKey = new Map<string, { weight: number; origin?: string }>();
    for (const [term, s] of q.sent) byKey.set(indexKey(term), s);
    const results = this.ms.search([...byKey.keys()].join(' '), {
      boost: BOOST,
      boostTerm: (term: string) => byKey.get(term)?.weight ?? 1,
      fuzzy: false,
      prefix: false,
      tokenize: (t: string) => t.split(' '),
      processTerm: (t: string) => t,
    });
    const out = new Map<string, FieldMatch>();
    for (const r of results.slice(0, depth)) {
      const any = new Map<string, number>();
      const title = new Map<string, number>();
      const short = new Map<string, number>();
      for (const key of r.queryTerms) {
        const s = byKey.get(key);
        if (!s?.origin) continue;
        const fields = r.match[key] ?? [];
        const put = (m: Map<string, number>) => m.set(s.origin!, Math.max(m.get(s.origin!) ?? 0, s.weight));
        put(any);
        if (fields.includes('title')) put(title);
        if (fields.includes('short')) put(short);
      }
      // MiniSearch multiplies by the number of matched query terms, expansions included; count typed words instead.
      const bm25 = (r.score / Math.max(1, r.queryTerms.length)) * Math.max(1, any.size);
      out.set(String(r.id), { bm25, any, title, short });
    }
    return out;
  }
}
