import { fileURLToPath } from 'node:url';
import { loadKnowledgeIndex } from '../src/app/knowledge.js';
import { Bot } from '../src/core/bot.js';
import { COMMANDS } from '../src/core/commands/registry.js';
import type { CommandContext, Services } from '../src/core/commands/types.js';
import type { Clock, LogFields, Logger } from '../src/core/ports.js';
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

export function testServices(overrides: Partial<Services> = {}): Services & { logger: ReturnType<typeof recordingLogger> } {
  const { kb, index } = knowledge();
  return {
    kb,
    index,
    store: SqliteStore.open(':memory:'),
    clock: fixedClock('2026-03-02T09:00:00Z'),
    logger: recordingLogger(),
    ...overrides,
  } as Services & { logger: ReturnType<typeof recordingLogger> };
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
