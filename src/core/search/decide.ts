import type { Entry } from '../knowledge/types.js';
import { DECIDER, THRESHOLDS } from './model.js';
import { offDomainWords } from './off-domain.js';
import type { AnalyzedQuery } from './query.js';
import { linear, sigmoid } from './rank.js';
import type { SearchHit } from './index.js';

/** What the decision looks at: the best candidate's evidence and how clearly it beats the next. */
export const DECISION_FEATURES = [
  'top', 'margin', 'cover', 'coverTitle', 'phrase', 'question', 'unknown', 'offDomain', 'genericOnly', 'terms', 'han',
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

export type DecisionKind = 'answer' | 'did-you-mean' | 'decline';

export interface Decision {
  kind: DecisionKind;
  /** Estimated probability that the best candidate is a right answer. */
  probability: number;
  features?: Record<DecisionFeature, number>;
}

function titleText(e: Entry): string {
  return [...e.tags, e.en.question, ...e.en.aliases, e.zh.question, ...e.zh.aliases].join(' ').toLowerCase();
}

export function decisionFeatures(q: AnalyzedQuery, hits: readonly SearchHit[]): Record<DecisionFeature, number> | undefined {
  const top = hits[0];
  if (!top) return undefined;
  const second = hits[1];
  const unknownInfo = q.unknownLatin.reduce((s, t) => s + (q.info.get(t) ?? 0), 0);
  const title = titleText(top.entry);
  const off = offDomainWords(q.terms, q.text.toLowerCase()).filter((w) => !title.includes(w));
  return {
    top: top.score,
    margin: top.score - (second?.score ?? top.score - 4),
    cover: top.features.cover,
    coverTitle: top.features.coverTitle,
    phrase: top.features.phrase,
    question: top.features.question,
    unknown: q.totalInfo > 0 ? unknownInfo / q.totalInfo : 0,
    offDomain: Math.min(2, off.length),
    genericOnly: top.features.genericOnly,
    terms: Math.log(1 + q.terms.length),
    han: /\p{Script=Han}/u.test(q.text) ? 1 : 0,
  };
}

/**
 * Answer only when the calibrated probability of being right is high (threshold chosen on the
 * training set for ≥ 95% precision); offer "did you mean" in the middle; decline below.
 */
export function decide(q: AnalyzedQuery, hits: readonly SearchHit[]): Decision {
  const features = decisionFeatures(q, hits);
  if (!features) return { kind: 'decline', probability: 0 };
  const probability = sigmoid(linear(DECIDER, features, DECISION_FEATURES));
  const kind: DecisionKind = probability >= THRESHOLDS.answer ? 'answer' : probability >= THRESHOLDS.didYouMean ? 'did-you-mean' : 'decline';
  return { kind, probability, features };
}
