import type { Entry } from '../knowledge/types.js';
import { DECIDER, DOMAIN, THRESHOLDS } from './model.js';
import { offDomainWords } from './off-domain.js';
import type { AnalyzedQuery } from './query.js';
import { linear, sigmoid } from './rank.js';
import type { SearchHit } from './index.js';

/** What the decision looks at: the best candidate's evidence and how clearly it beats the next. */
export const DECISION_FEATURES = [
  'top', 'margin', 'softmax', 'cover', 'coverTitle', 'phrase', 'phraseQueryCover', 'question', 'unknown', 'offDomain', 'genericOnly', 'terms', 'han',
  'missing', 'missingTitle', 'agree',
] as const;
export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/** The softmax runs over this many best candidates, however many the caller kept (at least this many). */
export const SOFTMAX_DEPTH = 8;

export type DecisionKind = 'answer' | 'did-you-mean' | 'decline';

export interface Decision {
  kind: DecisionKind;
  /** Estimated probability that the best candidate is a right answer. */
  probability: number;
  /** Estimated probability that the question is about containers or Kubernetes at all. */
  onTopic: number;
  features?: Record<DecisionFeature, number>;
}

function titleText(e: Entry): string {
  return [...e.tags, e.en.question, ...e.en.aliases, e.zh.question, ...e.zh.aliases].join(' ').toLowerCase();
}

function missingShare(q: AnalyzedQuery, matched: ReadonlySet<string>): number {
  let maxAll = 0;
  let maxMissing = 0;
  for (const [t, w] of q.info) {
    maxAll = Math.max(maxAll, w);
    if (!matched.has(t)) maxMissing = Math.max(maxMissing, w);
  }
  return maxAll > 0 ? maxMissing / maxAll : 0;
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
    // The ranker's own belief that the best is the right one among the candidates it saw.
    softmax: 1 / hits.slice(0, SOFTMAX_DEPTH).reduce((sum, h) => sum + Math.exp(h.score - top.score), 0),
    phraseQueryCover: top.features.phraseQueryCover,
    cover: top.features.cover,
    coverTitle: top.features.coverTitle,
    phrase: top.features.phrase,
    question: top.features.question,
    unknown: q.totalInfo > 0 ? unknownInfo / q.totalInfo : 0,
    offDomain: Math.min(2, off.length),
    genericOnly: top.features.genericOnly,
    terms: Math.log(1 + q.terms.length),
    han: /\p{Script=Han}/u.test(q.text) ? 1 : 0,
    // The most informative typed word the entry lacks, relative to the most informative word typed:
    // `cert-manager` or `compose` missing from the best entry says it is about something else.
    missing: missingShare(q, top.matchedAny),
    missingTitle: missingShare(q, top.matchedTitle),
    agree: top.features.bm25Rel === 1 && top.features.phraseRel === 1 ? 1 : 0,
  };
}

/**
 * Two calibrated estimates, both fitted on the training split (`npm run train`): that the best
 * entry is right, and that the question is about containers or Kubernetes at all. Answer only when
 * the first is high (threshold chosen for ≥ 96% training precision). Offer "did you mean" when the
 * best entry is more likely right than not — but only for an on-topic question: for a container
 * question the base lacks, the nearest entry is a fair offer; for a Redis question it is noise.
 */
export function decide(q: AnalyzedQuery, hits: readonly SearchHit[]): Decision {
  const features = decisionFeatures(q, hits);
  if (!features) return { kind: 'decline', probability: 0, onTopic: 0 };
  const probability = sigmoid(linear(DECIDER, features, DECISION_FEATURES));
  const onTopic = sigmoid(linear(DOMAIN, features, DECISION_FEATURES));
  const kind: DecisionKind =
    probability >= THRESHOLDS.answer ? 'answer' : probability >= THRESHOLDS.didYouMean && onTopic >= THRESHOLDS.onTopic ? 'did-you-mean' : 'decline';
  return { kind, probability, onTopic, features };
}
