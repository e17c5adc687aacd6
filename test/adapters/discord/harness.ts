import { afterEach } from 'vitest';
import { createApp, type App } from '../../../src/app/create-app.js';
import { nodeCronEngine } from '../../../src/app/schedule-engine.js';
import type { RunningAdapter } from '../../../src/adapters/adapter.js';
import { startDiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/start.js';
import { FakeDiscord } from '../../../src/adapters/discord/testing/fake-discord.js';
import { loadConfig, type Config, type Env } from '../../../src/config/config.js';
import type { Bot } from '../../../src/core/bot.js';
import { FIXTURE_KB_DIR, fixedClock, manualTimers, recordingLogger, seededRandom } from '../../helpers.js';

export interface Harness {
  fake: FakeDiscord;
  app: App;
  adapter: RunningAdapter;
  config: Config;
  logger: ReturnType<typeof recordingLogger>;
  clock: ReturnType<typeof fixedClock>;
  timers: ReturnType<typeof manualTimers>;
  stop(): Promise<void>;
}

/**
 * The whole bot as `npm start` runs it with DISCORD_TOKEN set, against a fake Discord: real
 * config parsing, real app, real discord.js client. The core's clock and timers are the test's,
 * so quiz deadlines and daily reveals happen when the test says.
 */
export async function startHarness(options: { env?: Env; bot?: Bot; fake?: FakeDiscord; adapter?: DiscordAdapterOptions } = {}): Promise<Harness> {
  const fake = options.fake ?? (await FakeDiscord.start());
  const config = loadConfig(
    { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATABASE_PATH: ':memory:', KNOWLEDGE_DIR: FIXTURE_KB_DIR, ...options.env },
    nodeCronEngine().validate,
  );
  const logger = recordingLogger();
  const clock = fixedClock('2026-03-02T09:00:00Z');
  const timers = manualTimers(clock);
  const created = createApp(config, { clock, timers, random: seededRandom(7), logger });
  const app: App = options.bot ? { ...created, bot: options.bot } : created;
  let adapter: RunningAdapter;
  try {
    adapter = await startDiscordAdapter(app, config, logger, options.adapter);
  } catch (err) {
    await app.stop();
    if (!options.fake) await fake.close();
    throw err;
  }
  return {
    fake,
    app,
    adapter,
    config,
    logger,
    clock,
    timers,
    async stop() {
      await adapter.stop();
      await app.stop();
      if (!options.fake) await fake.close();
    },
  };
}

/** Polls a condition that has no event to await (a status flag), within a deadline. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every message the bot sent (replies, updates, follow-ups, posts, edits) forbids every ping. */
export function expectNoPings(fake: FakeDiscord): void {
  const bodies = fake.messageBodies();
  if (bodies.length === 0) throw new Error('the bot sent no message at all');
  for (const r of bodies) {
    const message = r.path.endsWith('/callback') ? r.body.data : r.body;
    if (JSON.stringify(message?.allowed_mentions) !== '{"parse":[]}') throw new Error(`${r.method} ${r.path} allows mentions: ${JSON.stringify(message?.allowed_mentions)}`);
  }
}

/**
 * For a test file: `harness()` starts a harness that is stopped after each test, and `cleanup`
 * takes anything else to close then (last registered, first closed).
 */
export function harnessPerTest(): { harness: typeof startHarness; cleanup: (() => Promise<void>)[] } {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });
  return {
    cleanup,
    harness: async (...args) => {
      const h = await startHarness(...args);
      cleanup.push(h.stop);
      return h;
    },
  };
}
