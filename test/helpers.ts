import { fileURLToPath } from 'node:url';
import { loadKnowledgeIndex } from '../src/app/knowledge.js';
import { Bot } from '../src/core/bot.js';
import { COMMANDS } from '../src/core/commands/registry.js';
import type { CommandContext, Services } from '../src/core/commands/types.js';
import { noMetrics, type ChatPort, type Clock, type LogFields, type Logger, type Timers } from '../src/core/ports.js';
import type { Reply } from '../src/core/reply.js';
import { createServices } from '../src/core/services.js';
import { nodeCronEngine } from '../src/app/schedule-engine.js';
import { SqliteStore } from '../src/storage/sqlite-store.js';

export const FIXTURE_KB_DIR = fileURLToPath(new URL('./fixtures/knowledge/', import.meta.url));
export const REAL_KB_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso).getTime();
  return {
    now: () => new Date(now),
    set: (s) => (now = new Date(s).getTime()),
    advance: (ms) => (now += ms),
  };
}

export interface RecordedLog {
  level: string;
  msg: string;
  fields: LogFields;
}

export function recordingLogger(): Logger & { lines: RecordedLog[] } {
  const lines: RecordedLog[] = [];
  const at = (level: string) => (msg: string, fields: LogFields = {}) => void lines.push({ level, msg, fields });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

const loaded = new Map<string, ReturnType<typeof loadKnowledgeIndex>>();
export function knowledge(dir = FIXTURE_KB_DIR) {
  if (!loaded.has(dir)) loaded.set(dir, loadKnowledgeIndex(dir));
  return loaded.get(dir)!;
}

/** A chat port that records what the bot posts and edits, like a channel would show it. */
export class RecordingChat implements ChatPort {
  readonly posts: { channelId: string; ref: string; reply: Reply; threadOf?: string }[] = [];
  readonly edits: { ref: string; reply: Reply }[] = [];
  async post(channelId: string, reply: Reply, options?: { threadOf?: string }): Promise<string> {
    const ref = `test:msg${this.posts.length + 1}`;
    this.posts.push({ channelId, ref, reply, threadOf: options?.threadOf });
    return ref;
  }
  async edit(ref: string, reply: Reply): Promise<void> {
    this.edits.push({ ref, reply });
  }
  async workspaceOf(): Promise<string> {
    return 'test:w1';
  }
  last(): Reply | undefined {
    return this.posts.at(-1)?.reply;
  }
}

/** Timers driven by the fixed clock: `advance` moves time and runs what fell due, in order. */
export function manualTimers(clock: ReturnType<typeof fixedClock>): Timers & { advance(ms: number): Promise<void>; pending(): number } {
  let seq = 0;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    set(fn, ms) {
      const id = ++seq;
      due.set(id, { at: clock.now().getTime() + Math.max(0, ms), fn });
      return id;
    },
    clear(h) {
      due.delete(h as number);
    },
    pending: () => due.size,
    async advance(ms) {
      const end = clock.now().getTime() + ms;
      for (;;) {
        const next = [...due.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
        if (!next) break;
        due.delete(next[0]);
        clock.set(new Date(next[1].at).toISOString());
        next[1].fn();
        // Let the async work the timer started (posting, closing) settle before the next one.
        for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      }
      clock.set(new Date(end).toISOString());
    },
  };
}

/** A deterministic random source. */
export function seededRandom(seed = 1): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

export type TestServices = Services & { logger: ReturnType<typeof recordingLogger>; chat: RecordingChat; clock: ReturnType<typeof fixedClock>; timers: ReturnType<typeof manualTimers> };

export function testServices(opts: { now?: string; store?: SqliteStore; dir?: string } = {}): TestServices {
  const { kb, index } = knowledge(opts.dir);
  const clock = fixedClock(opts.now ?? '2026-03-02T09:00:00Z');
  return createServices(
    {
      kb,
      index,
      store: opts.store ?? SqliteStore.open(':memory:'),
      clock,
      logger: recordingLogger(),
      chat: new RecordingChat(),
      timers: manualTimers(clock),
      random: seededRandom(7),
      metrics: noMetrics,
      settings: { rateLimits: {}, quizSeconds: 30, dailyRevealAfterMs: 8 * 3600_000, dailyCron: '0 9 * * 1-5', dailyTimezone: 'UTC', dailyLang: 'en' },
    },
    nodeCronEngine(),
  ) as TestServices;
}

export function testContext(services: Services = testServices(), overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    platform: 'console',
    user: { id: 'u1', name: 'alice' },
    channelId: 'test:c1',
    workspaceId: 'test:w1',
    isAdmin: false,
    lang: 'en',
    services,
    ...overrides,
  };
}

export const bot = () => new Bot(COMMANDS);
