import type { Entry, Lang } from '../knowledge/types.js';
import { decide, type DecisionKind } from '../search/decide.js';
import type { KnowledgeIndex, SearchHit } from '../search/index.js';
import { isSmallTalk } from '../search/small-talk.js';
import { hasHan, normalize } from '../search/tokenize.js';

export const MAX_QUESTION_CHARS = 500;

/** answered: a confident answer; did-you-mean: the likely entry, offered; declined: close questions at most. */
export type AskStatus = 'answered' | 'did-you-mean' | 'declined' | 'invalid';
export type InvalidReason = 'empty' | 'too-long' | 'no-words';
/** Why a question was declined: greetings and chit-chat get an introduction instead of "I don't know". */
export type DeclineReason = 'small-talk' | 'not-covered';

export interface AskResult {
  query: string;
  lang: Lang;
  status: AskStatus;
  reason?: InvalidReason;
  declineReason?: DeclineReason;
  /** The answer, or the entry offered by "did you mean". */
  entry?: Entry;
  /** 0..1: estimated probability that the best entry answers the question. */
  confidence: number;
  /** Close questions offered instead of an answer. */
  suggestions: Entry[];
  related: Entry[];
}

const SUGGESTIONS = 3;
/** Suggestions only for questions at least this likely to be about containers or Kubernetes. */
const SUGGEST_ON_TOPIC = 0.5;
/** A suggestion must score at least this far (in rank logits) below the best one to be left out. */
const SUGGESTION_SPREAD = 3;

export function detectLang(text: string): Lang {
  return hasHan(text) ? 'zh' : 'en';
}

export interface AskOptions {
  lang?: Lang;
}

const STATUS: Record<DecisionKind, AskStatus> = { answer: 'answered', 'did-you-mean': 'did-you-mean', decline: 'declined' };

export function ask(index: KnowledgeIndex, rawQuery: string, options: AskOptions = {}): AskResult {
  const query = normalize(rawQuery);
  const lang = options.lang ?? detectLang(query);
  const base = { query, lang, confidence: 0, suggestions: [], related: [] };
  if (query.length === 0) return { ...base, status: 'invalid', reason: 'empty' };
  if (query.length > MAX_QUESTION_CHARS) return { ...base, status: 'invalid', reason: 'too-long' };
  if (isSmallTalk(query)) return { ...base, status: 'declined', declineReason: 'small-talk' };

  const outcome = index.search(query, 8);
  if (outcome.terms.length === 0) return { ...base, status: 'invalid', reason: 'no-words' };

  const decision = decide(outcome.query, outcome.hits);
  const confidence = decision.probability;
  const top = outcome.hits[0];
  if (decision.kind === 'decline' || !top) {
    // Close questions help with a container question the base lacks; for a CSS question they are noise.
    const suggestions = decision.onTopic >= SUGGEST_ON_TOPIC ? suggestionsOf(outcome.hits, decision.probability) : [];
    return { ...base, status: 'declined', declineReason: 'not-covered', confidence, suggestions };
  }
  const entry = top.entry;
  return { ...base, status: STATUS[decision.kind], entry, confidence, related: pickRelated(index, entry, outcome.hits) };
}

/** Up to three close questions, unless the question matched nothing at all worth showing. */
function suggestionsOf(hits: SearchHit[], probability: number): Entry[] {
  const top = hits[0];
  if (!top || probability < 0.02) return [];
  return hits
    .filter((h) => h.score >= top.score - SUGGESTION_SPREAD && h.coverage > 0)
    .slice(0, SUGGESTIONS)
    .map((h) => h.entry);
}

/** The author's related list first, then other strong matches for the same question. */
function pickRelated(index: KnowledgeIndex, entry: Entry, hits: SearchHit[]): Entry[] {
  const out: Entry[] = [];
  for (const id of entry.related) {
    const e = index.kb.byId.get(id);
    if (e && e.id !== entry.id) out.push(e);
  }
  const topScore = hits[0]?.score ?? 0;
  for (const h of hits.slice(1)) if (h.score >= topScore - 1 && !out.includes(h.entry) && h.entry.id !== entry.id) out.push(h.entry);
  return out.slice(0, 4);
}
