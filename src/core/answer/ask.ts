import type { Entry, Lang } from '../knowledge/types.js';
import type { KnowledgeIndex, SearchHit, SearchOutcome } from '../search/index.js';
import { hasHan, normalize } from '../search/tokenize.js';

export const MAX_QUESTION_CHARS = 500;

export type AskStatus = 'answered' | 'declined' | 'invalid';
export type InvalidReason = 'empty' | 'too-long' | 'no-words';

export interface AskResult {
  query: string;
  lang: Lang;
  status: AskStatus;
  reason?: InvalidReason;
  entry?: Entry;
  /** 0..1: how much of the question the chosen entry accounts for. */
  confidence: number;
  /** Close questions offered instead of (or besides) an answer. */
  suggestions: Entry[];
  related: Entry[];
}

/**
 * When to answer. Measured with `npm run eval` on the query set in test/eval/queries: raise them
 * and off-topic rejection improves while hit@1 falls.
 */
export const THRESHOLDS = {
  /** Share of the question's words the best entry must match. */
  minCoverage: 0.5,
  /** Share of Latin words that may be unknown to the whole base (typos allowed) before we decline. */
  maxUnknownLatin: 0.34,
  /** Score per query word below which a match is noise. */
  minScorePerTerm: 1.2,
  /** Suggestions must at least match this share of the words. */
  minSuggestionCoverage: 0.25,
};

export function detectLang(text: string): Lang {
  return hasHan(text) ? 'zh' : 'en';
}

export interface AskOptions {
  lang?: Lang;
}

export function ask(index: KnowledgeIndex, rawQuery: string, options: AskOptions = {}): AskResult {
  const query = normalize(rawQuery);
  const lang = options.lang ?? detectLang(query);
  const base = { query, lang, confidence: 0, suggestions: [], related: [] };
  if (query.length === 0) return { ...base, status: 'invalid', reason: 'empty' };
  if (query.length > MAX_QUESTION_CHARS) return { ...base, status: 'invalid', reason: 'too-long' };

  const outcome = index.search(query, 8);
  if (outcome.terms.length === 0) return { ...base, status: 'invalid', reason: 'no-words' };

  const decision = decide(outcome);
  if (!decision.best) {
    const suggestions = outcome.hits.filter((h) => coverage(h, outcome) >= THRESHOLDS.minSuggestionCoverage).slice(0, 3).map((h) => h.entry);
    return { ...base, status: 'declined', confidence: decision.confidence, suggestions };
  }
  const entry = decision.best.entry;
  const related = pickRelated(index, entry, outcome.hits);
  return { ...base, status: 'answered', entry, confidence: decision.confidence, related };
}

function coverage(hit: SearchHit, outcome: SearchOutcome): number {
  return hit.matched.length / outcome.terms.length;
}

export function decide(outcome: SearchOutcome): { best?: SearchHit; confidence: number } {
  const top = outcome.hits[0];
  if (!top) return { confidence: 0 };
  const cov = coverage(top, outcome);
  const latin = outcome.terms.filter((t) => /^[a-z0-9]+$/.test(t)).length;
  const unknownShare = latin === 0 ? 0 : outcome.unknownLatin.length / latin;
  const perTerm = top.score / outcome.terms.length;
  const confidence = Math.max(0, Math.min(1, cov * (1 - unknownShare)));
  if (cov < THRESHOLDS.minCoverage || unknownShare > THRESHOLDS.maxUnknownLatin || perTerm < THRESHOLDS.minScorePerTerm) return { confidence };
  return { best: top, confidence };
}

/** The author's related list first, then other strong matches for the same question. */
function pickRelated(index: KnowledgeIndex, entry: Entry, hits: SearchHit[]): Entry[] {
  const out: Entry[] = [];
  for (const id of entry.related) {
    const e = index.kb.byId.get(id);
    if (e && e.id !== entry.id) out.push(e);
  }
  const topScore = hits[0]?.score ?? 0;
  for (const h of hits.slice(1)) if (h.score >= topScore * 0.5 && !out.includes(h.entry) && h.entry.id !== entry.id) out.push(h.entry);
  return out.slice(0, 4);
}
