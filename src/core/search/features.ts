import type { Entry } from '../knowledge/types.js';
import type { FieldMatch } from './fields.js';
import type { Intent } from './intent.js';
import type { PhrasingMatch } from './phrasings.js';
import type { AnalyzedQuery } from './query.js';

/**
 * The named signals the ranker combines for each candidate. One place computes them, so
 * training, ranking and `ask --explain` all see the same numbers.
 */
export const FEATURES = [
  'bm25Rel', 'bm25Log', 'phrase', 'phraseRel', 'phraseGap', 'question', 'short', 'phraseQueryCover', 'phrasingCover',
  'cover', 'coverTitle', 'coverShort', 'genericOnly', 'intentMatch', 'definitionJunior', 'rrf',
] as const;
export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Record<FeatureName, number>;

export interface Candidate {
  position: number;
  entry: Entry;
  /** First-phase BM25 (0 when only the phrasing index found it). */
  bm25?: number;
  field?: FieldMatch;
  phrasing?: PhrasingMatch;
  intent: Intent;
}

const share = (q: AnalyzedQuery, m: Map<string, number> | undefined) =>
  m && q.totalInfo > 0 ? [...m].reduce((sum, [o, w]) => sum + w * (q.info.get(o) ?? 0), 0) / q.totalInfo : 0;

export function candidateFeatures(q: AnalyzedQuery, cands: readonly Candidate[]): FeatureVector[] {
  const maxBm25 = Math.max(1e-9, ...cands.map((c) => c.field?.bm25 ?? 0));
  const phrases = cands.map((c) => c.phrasing?.best ?? 0);
  const maxPhrase = Math.max(1e-9, ...phrases);
  // The two best phrase scores, so each candidate can be compared with the best *other* one.
  const sorted = [...phrases].sort((a, b) => b - a);
  const bm25Rank = rankOf(cands.map((c) => c.field?.bm25 ?? 0));
  const phraseRank = rankOf(phrases);
  return cands.map((c, i) => {
    const best = phrases[i]!;
    const otherBest = best === sorted[0] ? (sorted[1] ?? 0) : sorted[0]!;
    const matched = c.field ? [...c.field.any.keys()] : [];
    return {
      bm25Rel: (c.field?.bm25 ?? 0) / maxBm25,
      bm25Log: Math.log1p(c.field?.bm25 ?? 0),
      phrase: best,
      phraseRel: best / maxPhrase,
      phraseGap: best - otherBest,
      question: c.phrasing?.question ?? 0,
      short: c.phrasing?.short ?? 0,
      phraseQueryCover: c.phrasing?.queryCover ?? 0,
      phrasingCover: c.phrasing?.phrasingCover ?? 0,
      cover: share(q, c.field?.any),
      coverTitle: share(q, c.field?.title),
      coverShort: share(q, c.field?.short),
      genericOnly: matched.length > 0 && matched.every((t) => q.generic.has(t)) ? 1 : 0,
      intentMatch: q.intent !== 'other' && q.intent === c.intent ? 1 : 0,
      definitionJunior: q.intent === 'definition' && c.entry.level === 'junior' ? 1 : 0,
      rrf: 10 / (10 + bm25Rank[i]!) + 10 / (10 + phraseRank[i]!),
    };
  });
}

/** 0-based rank of each value, highest first. */
function rankOf(values: number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const out = new Array<number>(values.length);
  order.forEach(([, i], r) => (out[i] = r));
  return out;
}
