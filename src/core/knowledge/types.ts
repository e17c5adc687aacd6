export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const LEVELS = ['junior', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export interface LocalizedEntry {
  question: string;
  aliases: string[];
  short: string;
  /** The facts an interviewer listens for, one line each: shown in chat, used to grade mock interviews. */
  keyPoints: string[];
  answer: string;
}

export interface LocalizedQuiz {
  question: string;
  options: string[];
  explanation: string;
}

export interface QuizItem {
  /** Index of the correct option; option order is the same in both languages. */
  answer: number;
  zh: LocalizedQuiz;
  en: LocalizedQuiz;
}

export interface SeedSource {
  seed: string;
  sections: string[];
}

export interface Entry {
  id: string;
  topic: string;
  level: Level;
  tags: string[];
  sources: SeedSource[];
  refs: string[];
  related: string[];
  corrections: string[];
  zh: LocalizedEntry;
  en: LocalizedEntry;
  quiz: QuizItem[];
  /** The file the entry was loaded from, for error messages. */
  file: string;
}

export interface Topic {
  id: string;
  title: Record<Lang, string>;
  file: string;
}

export interface KnowledgeBase {
  topics: Topic[];
  entries: Entry[];
  byId: Map<string, Entry>;
}
