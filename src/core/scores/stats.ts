import type { AnswerLogRow } from '../storage/store.js';

export interface PersonStats {
  answered: number;
  correct: number;
  byTopic: { topic: string; answered: number; correct: number }[];
  /** Consecutive correct answers, most recent first, across quizzes and daily questions. */
  currentStreak: number;
  bestStreak: number;
}

/** Pure: the log in time order in, the numbers out. */
export function computeStats(log: readonly AnswerLogRow[]): PersonStats {
  const topics = new Map<string, { answered: number; correct: number }>();
  let run = 0;
  let best = 0;
  let correct = 0;
  for (const row of log) {
    const t = topics.get(row.topic) ?? { answered: 0, correct: 0 };
    t.answered++;
    if (row.correct) {
      t.correct++;
      correct++;
      run++;
      best = Math.max(best, run);
    } else run = 0;
    topics.set(row.topic, t);
  }
  const byTopic = [...topics.entries()].map(([topic, v]) => ({ topic, ...v })).sort((a, b) => b.answered - a.answered || a.topic.localeCompare(b.topic));
  return { answered: log.length, correct, byTopic, currentStreak: run, bestStreak: best };
}
