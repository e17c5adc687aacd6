import { ask, type AskStatus } from '../core/answer/ask.js';
import type { KnowledgeIndex } from '../core/search/index.js';
import type { EvalQuestion } from './eval-sets.js';

export interface Outcome {
  question: EvalQuestion;
  status: AskStatus;
  /** The answered or offered entry. */
  entry?: string;
  probability: number;
  /** The ranker's order, best first. */
  ranking: string[];
  suggestions: string[];
}

export function runQuestions(index: KnowledgeIndex, questions: readonly EvalQuestion[]): Outcome[] {
  return questions.map((question) => {
    const r = ask(index, question.q);
    const ranking = r.status === 'invalid' ? [] : index.search(question.q, 10).hits.map((h) => h.entry.id);
    return { question, status: r.status, entry: r.entry?.id, probability: r.confidence, ranking, suggestions: r.suggestions.map((s) => s.id) };
  });
}

export interface Tally {
  n: number;
  covered: number;
  mustDecline: number;
  /** Answered with a right entry. */
  answeredRight: number;
  answeredWrong: number;
  /** Offered a right entry as "did you mean". */
  offeredRight: number;
  offeredWrong: number;
  /** The ranker put a right entry first (whatever the decision). */
  rankedFirst: number;
  /** A right entry anywhere among the answer, the offer or the suggestions. */
  reachable: number;
  declinedCovered: number;
  /** Must-decline questions that were declined (not answered, not offered). */
  declinedRight: number;
  /** Of the must-decline ones: off-topic and small talk, and how many were declined. */
  offTopic: number;
  offTopicDeclined: number;
  /** Container/Kubernetes questions the base has no entry for, and how many were not answered (declined or offered). */
  uncovered: number;
  uncoveredNotAnswered: number;
}

/** Styles that are not about containers or Kubernetes at all. */
export const OFF_TOPIC_STYLES = new Set(['offtopic', 'greeting']);

const empty = (): Tally => ({ n: 0, covered: 0, mustDecline: 0, answeredRight: 0, answeredWrong: 0, offeredRight: 0, offeredWrong: 0, rankedFirst: 0, reachable: 0, declinedCovered: 0, declinedRight: 0, offTopic: 0, offTopicDeclined: 0, uncovered: 0, uncoveredNotAnswered: 0 });

export function tallyOf(outcomes: readonly Outcome[]): Tally {
  const t = empty();
  for (const o of outcomes) {
    t.n++;
    const right = (id?: string) => id !== undefined && o.question.expect.includes(id);
    if (o.question.expect.length === 0) {
      t.mustDecline++;
      if (OFF_TOPIC_STYLES.has(o.question.style)) {
        t.offTopic++;
        if (o.status === 'declined' || o.status === 'invalid') t.offTopicDeclined++;
      } else {
        t.uncovered++;
        if (o.status !== 'answered') t.uncoveredNotAnswered++;
      }
      if (o.status === 'answered') t.answeredWrong++;
      else if (o.status === 'did-you-mean') t.offeredWrong++;
      else t.declinedRight++;
      continue;
    }
    t.covered++;
    if (right(o.ranking[0])) t.rankedFirst++;
    if (o.status === 'answered') right(o.entry) ? t.answeredRight++ : t.answeredWrong++;
    else if (o.status === 'did-you-mean') right(o.entry) ? t.offeredRight++ : t.offeredWrong++;
    else t.declinedCovered++;
    if (right(o.entry) || o.suggestions.some(right)) t.reachable++;
  }
  return t;
}

/** The figures the targets are stated in, as shares. */
export function rates(t: Tally) {
  const answered = t.answeredRight + t.answeredWrong;
  const div = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    n: t.n,
    covered: t.covered,
    mustDecline: t.mustDecline,
    /** Right answer given first, of covered questions. */
    hit1: div(t.answeredRight, t.covered),
    /** Right answer given or offered as "did you mean". */
    givenOrOffered: div(t.answeredRight + t.offeredRight, t.covered),
    rankedFirst: div(t.rankedFirst, t.covered),
    reachable: div(t.reachable, t.covered),
    /** Confident wrong answers, of answered questions (must-decline ones included). */
    wrongOfAnswered: div(t.answeredWrong, answered),
    precision: div(t.answeredRight, answered),
    declinedCovered: div(t.declinedCovered, t.covered),
    /** Off-topic questions and small talk declined (neither answered nor offered). */
    offTopicDeclined: div(t.offTopicDeclined, t.offTopic),
    /** Questions on subjects the base lacks, not answered (declined, or offered as "did you mean"). */
    uncoveredNotAnswered: div(t.uncoveredNotAnswered, t.uncovered),
    /** Every must-decline question declined outright. */
    mustDeclineDeclined: div(t.declinedRight, t.mustDecline),
  };
}

/** Precision and coverage if the bot answered at or above each probability. */
export function precisionCurve(outcomes: readonly Outcome[], cuts: readonly number[]) {
  return cuts.map((cut) => {
    let answered = 0;
    let right = 0;
    let covered = 0;
    for (const o of outcomes) {
      if (o.question.expect.length > 0) covered++;
      if (o.status === 'invalid' || o.probability < cut || o.ranking.length === 0) continue;
      answered++;
      if (o.question.expect.includes(o.ranking[0]!)) right++;
    }
    return { cut, answered, precision: answered ? right / answered : null, coverage: covered ? right / covered : null };
  });
}
