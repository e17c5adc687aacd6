import type { Lang, Level } from '../knowledge/types.js';

/**
 * What the core persists. The SQLite implementation lives outside the core (src/storage), so a
 * server database can be added later behind the same interface. Methods that race across
 * processes (claims, first answers, closing a question) return whether *this* call won.
 */
export interface FeedbackRecord {
  entryId: string;
  workspaceId: string;
  userId: string;
  vote: 'up' | 'down';
  at: Date;
}

export interface QuizRound {
  id: string;
  workspaceId: string;
  channelId: string;
  startedBy: string;
  lang: Lang;
  topic?: string;
  level?: Level;
  seconds: number;
  total: number;
  current: number;
  status: 'running' | 'finished';
  createdAt: Date;
}

export interface QuizQuestion {
  roundId: string;
  idx: number;
  entryId: string;
  quizIndex: number;
  /** optionOrder[shownPosition] = index of the option in the knowledge entry. */
  optionOrder: number[];
  postedAt?: Date;
  deadlineAt?: Date;
  closedAt?: Date;
  messageRef?: string;
}

export interface Answer {
  userId: string;
  userName: string;
  /** The shown position the user picked. */
  choice: number;
  correct: boolean;
  answeredAt: Date;
}

export interface AnswerLogRow {
  workspaceId: string;
  userId: string;
  userName: string;
  kind: 'quiz' | 'daily';
  entryId: string;
  topic: string;
  correct: boolean;
  at: Date;
}

export interface LeaderboardRow {
  userId: string;
  userName: string;
  correct: number;
  answered: number;
}

export interface DailySubscription {
  channelId: string;
  workspaceId: string;
  cron: string;
  timezone: string;
  topic?: string;
  level?: Level;
  source: 'command' | 'env';
  createdBy: string;
  createdAt: Date;
}

export interface DailyPost {
  id: string;
  channelId: string;
  workspaceId: string;
  /** YYYY-MM-DD in the subscription's time zone. */
  localDate: string;
  lang: Lang;
  entryId: string;
  quizIndex: number;
  optionOrder: number[];
  claimedAt: Date;
  postedAt?: Date;
  revealAt?: Date;
  revealedAt?: Date;
  messageRef?: string;
}

export interface DailyStreak {
  current: number;
  best: number;
  lastPostId: string;
}

export interface Store {
  recordFeedback(f: FeedbackRecord): void;
  feedbackCounts(entryId: string): { up: number; down: number };

  /** False when the channel already has a running round. */
  createRound(round: QuizRound, questions: QuizQuestion[]): boolean;
  getRound(id: string): QuizRound | undefined;
  runningRoundIn(channelId: string): QuizRound | undefined;
  runningRounds(): QuizRound[];
  getQuestion(roundId: string, idx: number): QuizQuestion | undefined;
  markQuestionPosted(roundId: string, idx: number, postedAt: Date, deadlineAt: Date, messageRef: string | undefined): void;
  /** True for the one caller that closes the question. */
  closeQuestion(roundId: string, idx: number, at: Date): boolean;
  setRoundCurrent(roundId: string, idx: number): void;
  finishRound(roundId: string, at: Date): boolean;
  /** True when this was the user's first answer to the question. */
  recordQuizAnswer(roundId: string, idx: number, answer: Answer): boolean;
  questionAnswers(roundId: string, idx: number): Answer[];
  roundAnswers(roundId: string): (Answer & { idx: number })[];

  logAnswers(rows: AnswerLogRow[]): void;
  leaderboard(workspaceId: string, since: Date | undefined, limit: number): LeaderboardRow[];
  userAnswerLog(workspaceId: string, userId: string): AnswerLogRow[];

  upsertSubscription(sub: DailySubscription): void;
  deleteSubscription(channelId: string): boolean;
  getSubscription(channelId: string): DailySubscription | undefined;
  listSubscriptions(): DailySubscription[];

  /** Inserts the day's post for a channel; false when that channel already has one for the date. */
  claimDailyPost(post: DailyPost): boolean;
  /** Takes over a claim whose poster died before posting; true for the one caller that wins. */
  reclaimDailyPost(id: string, staleBefore: Date, now: Date): boolean;
  getDailyPost(id: string): DailyPost | undefined;
  dailyPostOn(channelId: string, localDate: string): DailyPost | undefined;
  dailyPostsIn(channelId: string): DailyPost[];
  unrevealedDailyPosts(): DailyPost[];
  markDailyPosted(id: string, postedAt: Date, revealAt: Date, messageRef: string | undefined): void;
  /** True for the one caller that reveals the post. */
  markDailyRevealed(id: string, at: Date): boolean;
  recordDailyAnswer(postId: string, answer: Answer): boolean;
  dailyAnswers(postId: string): Answer[];
  getDailyStreak(channelId: string, userId: string): DailyStreak | undefined;
  setDailyStreak(channelId: string, userId: string, streak: DailyStreak): void;

  /** A time-limited lock shared by processes on one database. */
  acquireLease(key: string, holder: string, ttlMs: number, now: Date): boolean;

  /** True while the database answers a trivial query. */
  healthy(): boolean;
  close(): void;
}
