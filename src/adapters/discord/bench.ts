import { createApp } from '../../app/create-app.js';
import { loadConfig } from '../../config/config.js';
import { realTimers, silentLogger, systemClock } from '../../core/ports.js';
import { startDiscordAdapter } from './start.js';
import { FakeDiscord } from './testing/fake-discord.js';

const WARMUP = 30;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Dispatch-to-reply latency of `/ask` through the real discord.js client: from the fake gateway
 * sending INTERACTION_CREATE to the interaction callback arriving at the fake REST API, one at a
 * time, with the real knowledge base. Client and fake share one process, so this includes both
 * sides' event-loop work but no network.
 */
export async function benchDiscord(options: { n?: number; knowledgeDir?: string } = {}): Promise<{ n: number; p50: number; p99: number }> {
  const n = options.n ?? 300;
  const fake = await FakeDiscord.start();
  // Whatever fails (a broken knowledge base, a lost connection), the fake must close, or the process never ends.
  const cleanup: (() => Promise<unknown>)[] = [() => fake.close()];
  try {
    const config = loadConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DATABASE_PATH: ':memory:', KNOWLEDGE_DIR: options.knowledgeDir });
    const app = createApp(config, { clock: systemClock, timers: realTimers, random: Math.random, logger: silentLogger });
    cleanup.unshift(() => app.stop());
    const adapter = await startDiscordAdapter(app, config, silentLogger);
    cleanup.unshift(() => adapter.stop());

    const user = fake.user('bench');
    const questions = app.services.kb.entries.flatMap((e) => [e.en.question, e.zh.question]);
    const times: number[] = [];
    for (let k = 0; k < WARMUP + n; k++) {
      const sent = fake.slash(user, 'ask', { question: questions[k % questions.length]! });
      const reply = await fake.response(sent, 10_000);
      const dispatchedAt = fake.gateway.sentAt.get(sent.seq);
      if (dispatchedAt === undefined) throw new Error('the fake never sent the interaction');
      if (k >= WARMUP) times.push(reply.at - dispatchedAt);
    }
    times.sort((a, b) => a - b);
    return { n: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
  } finally {
    for (const step of cleanup) await step().catch(() => undefined);
  }
}
