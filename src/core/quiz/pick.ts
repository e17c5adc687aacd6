import type { Entry, Level } from '../knowledge/types.js';
import type { Random } from '../ports.js';

export interface PoolFilter {
  topic?: string;
  level?: Level;
}

export function quizPool(entries: readonly Entry[], f: PoolFilter): Entry[] {
  return entries.filter((e) => e.quiz.length > 0 && (!f.topic || e.topic === f.topic) && (!f.level || e.level === f.level));
}

/** Fisher–Yates over 0..n-1. */
export function permutation(n: number, random: Random): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface PickedQuestion {
  entry: Entry;
  quizIndex: number;
  /** optionOrder[shownPosition] = option index in the entry. */
  optionOrder: number[];
}

export function pickQuestion(entry: Entry, random: Random): PickedQuestion {
  const quizIndex = Math.floor(random() * entry.quiz.length);
  return { entry, quizIndex, optionOrder: permutation(entry.quiz[quizIndex]!.zh.options.length, random) };
}

/** `count` distinct entries (fewer when the pool is smaller), each with shuffled options. */
export function pickQuestions(pool: readonly Entry[], count: number, random: Random): PickedQuestion[] {
  return permutation(pool.length, random)
    .slice(0, count)
    .map((i) => pickQuestion(pool[i]!, random));
}

export function isCorrect(entry: Entry, quizIndex: number, optionOrder: readonly number[], shownChoice: number): boolean {
  return optionOrder[shownChoice] === entry.quiz[quizIndex]?.answer;
}

export function correctShownPosition(entry: Entry, quizIndex: number, optionOrder: readonly number[]): number {
  return optionOrder.indexOf(entry.quiz[quizIndex]?.answer ?? -1);
}

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
