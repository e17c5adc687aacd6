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
}

export const FIELDS = ['title', 'short', 'answer'] as const;
/**
 * BM25 runs over the phrasings and the short answer only. Indexing the long answers too cost a
 * third of the search time and changed nothing measurable (train set, same ranked-first share):
 * they mention everything. Their words still count, through the coverage features.
 */
const BM25_FIELDS = ['title', 'short'] as const;
// A match in the entry's own phrasings says more than one in its short answer.
const BOOST = { title: 4, short: 1.2 };

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
  fields: [...BM25_FIELDS],
  storeFields: [],
  // Documents arrive already tokenized and keyed: splitting on spaces is all that is left.
  tokenize: (text: string) => (text ? text.split(' ') : []),
  processTerm: (term: string) => term,
  searchOptions: { boost: BOOST, combineWith: 'OR' as const },
};

/** Query terms in more than this share of entries are not sent to MiniSearch (see `search`). */
const COMMON_QUERY_SHARE = 0.25;

export interface FieldSnapshot {
  minisearch: unknown;
  terms: string[];
  /** Per entry: sorted term ids of its title, short and all fields. */
  fields: [number[], number[], number[]][];
}

/**
 * BM25 over the phrasings and short answer of every entry (the first-phase candidate generator),
 * and which fields of an entry — the long answer included — contain a term (for the coverage features).
 */
export class FieldIndex {
  private readonly ms: MiniSearch<Doc>;
  private readonly termId = new Map<string, number>();
  /** Per entry, sorted term ids of [title, short, any field]: membership by binary search, 4 bytes a term. */
  private readonly fieldTerms: [Uint32Array, Uint32Array, Uint32Array][];

  constructor(
    entries: readonly Entry[],
    tokenized: readonly string[][][],
    private readonly docFreq: ReadonlyMap<string, number>,
    snapshot?: FieldSnapshot,
  ) {
    if (snapshot) {
      this.ms = MiniSearch.loadJS<Doc>(snapshot.minisearch as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS);
      snapshot.terms.forEach((t, i) => this.termId.set(t, i));
      this.fieldTerms = snapshot.fields.map(([a, b, c]) => [Uint32Array.from(a), Uint32Array.from(b), Uint32Array.from(c)]);
      return;
    }
    this.ms = new MiniSearch<Doc>(OPTIONS);
    this.ms.addAll(entries.map((e, i) => ({ id: e.id, title: tokenized[i]![0]!.map(indexKey).join(' '), short: tokenized[i]![1]!.map(indexKey).join(' ') })));
    const id = (t: string) => this.termId.get(t) ?? (this.termId.set(t, this.termId.size), this.termId.size - 1);
    const sorted = (terms: Iterable<string>) => Uint32Array.from(new Set([...terms].map(id))).sort();
    this.fieldTerms = tokenized.map(([title, short, answer]) => [sorted(title!), sorted(short!), sorted([...title!, ...short!, ...answer!])]);
  }

  static tokenizeEntry(e: Entry): string[][] {
    const f = entryFieldTexts(e);
    return FIELDS.map((name) => tokenize(f[name]));
  }

  snapshot(): FieldSnapshot {
    return { minisearch: this.ms.toJSON(), terms: [...this.termId.keys()], fields: this.fieldTerms.map(([a, b, c]) => [[...a], [...b], [...c]]) };
  }

  /**
   * BM25 of the best `depth` entries. Terms in a large share of entries (`pod`, `容器`) cost a scan
   * of most of the index and tell almost nothing apart, so they are left to the coverage features
   * and the phrasing index — unless nothing else was typed.
   */
  search(q: AnalyzedQuery, depth: number): Map<string, number> {
    const limit = COMMON_QUERY_SHARE * this.fieldTerms.length;
    const weights = new Map<string, number>();
    const common: [string, number][] = [];
    for (const [term, s] of q.sent) {
      const df = this.docFreq.get(term) ?? 0;
      if (df === 0) continue;
      if (df <= limit) weights.set(indexKey(term), s.weight);
      else if (s.origin === term) common.push([term, df]);
    }
    if (![...weights.keys()].length) for (const [term] of common.sort((a, b) => a[1] - b[1]).slice(0, 2)) weights.set(indexKey(term), 1);
    if (weights.size === 0) return new Map();
    const results = this.ms.search([...weights.keys()].join(' '), {
      boost: BOOST,
      boostTerm: (term: string) => weights.get(term) ?? 1,
      fuzzy: false,
      prefix: false,
      tokenize: (t: string) => t.split(' '),
      processTerm: (t: string) => t,
    });
    const out = new Map<string, number>();
    for (const r of results.slice(0, depth)) out.set(String(r.id), r.score / Math.max(1, r.queryTerms.length));
    return out;
  }

  /** Per typed word, the best weight it matched with anywhere in the entry, in its title, in its short answer. */
  match(q: AnalyzedQuery, position: number): FieldMatch {
    const [title, short, all] = this.fieldTerms[position]!;
    const any = new Map<string, number>();
    const inTitle = new Map<string, number>();
    const inShort = new Map<string, number>();
    for (const [term, s] of q.sent) {
      if (!s.origin) continue;
      const id = this.termId.get(term);
      if (id === undefined || !has(all, id)) continue;
      const put = (m: Map<string, number>) => m.set(s.origin!, Math.max(m.get(s.origin!) ?? 0, s.weight));
      put(any);
      if (has(title, id)) put(inTitle);
      if (has(short, id)) put(inShort);
    }
    return { bm25: 0, any, title: inTitle, short: inShort };
  }
}

function has(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
