import type { AskStatus } from './answer/ask.js';
/** I/O the core needs, passed in so tests can use fixed clocks and recording loggers. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Posting outside a command's own reply: quiz questions, reveals, daily posts. Channel ids and
 * message references are opaque strings (`discord:…`, `slack:…`, `console:…`); the adapter
 * that issued them knows what they mean.
 */
export interface ChatPort {
  /** Returns a reference for later edits, or undefined when the platform gives none. */
  post(channelId: string, reply: import('./reply.js').Reply, options?: { threadOf?: string }): Promise<string | undefined>;
  edit(messageRef: string, reply: import('./reply.js').Reply): Promise<void>;
  /** The guild/workspace a channel belongs to, for channels configured by id alone (DAILY_CHANNELS). */
  workspaceOf?(channelId: string): Promise<string | undefined>;
}

/** setTimeout behind an interface, so tests can fire timers by moving a fixed clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => {
    const h = setTimeout(fn, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    h.unref?.();
    return h;
  },
  clear: (h) => clearTimeout(h as NodeJS.Timeout),
};

/** A source of randomness in [0, 1), injectable for deterministic tests. */
export type Random = () => number;

/** What the bot counts; the app exports it for Prometheus, tests and the console ignore it. */
export interface Metrics {
  questionAsked(outcome: AskStatus, seconds: number): void;
  answerRecorded(kind: 'quiz' | 'daily'): void;
  dailyPosted(): void;
  rateLimited(command: string): void;
}

export const noMetrics: Metrics = { questionAsked() {}, answerRecorded() {}, dailyPosted() {}, rateLimited() {} };
