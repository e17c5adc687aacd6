import { createApp } from '../../app/create-app.js';
import { loadConfig } from '../../config/config.js';
import { realTimers, silentLogger, systemClock } from '../../core/ports.js';
import { startSlackAdapter } from './start.js';

export interface AckLatency {
  /** Requests measured (after warm-up). */
  n: number;
  /** Milliseconds from sending a `/k8s` request to receiving Slack's acknowledgement. */
  p50: number;
  p99: number;
}

const QUESTIONS = ['what does the pause container do', 'kube-proxy ipvs vs iptables', 'pause 容器有什么作用', 'readiness probe fails', 'how does a headless service work'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Request-to-ack latency of the real Bolt app in both modes, against the fake Slack on
 * 127.0.0.1: signed HTTP POSTs to /slack/events, and Socket Mode envelopes. Requests go one at a
 * time; the answers (sent after each ack) are awaited before shutting down.
 */
export interface BenchOptions {
  n?: number;
  warmup?: number;
  /** The knowledge base to load (default: the package's `knowledge/`). */
  knowledgeDir?: string;
}

export async function benchSlack(options: BenchOptions = {}): Promise<{ http: AckLatency; socket: AckLatency }> {
  return { http: await measure('http', options), socket: await measure('socket', options) };
}

async function measure(mode: 'http' | 'socket', options: BenchOptions): Promise<AckLatency> {
  const n = options.n ?? 300;
  const warmup = options.warmup ?? 30;
  // The fake (and `ws`, a dev dependency) load only when the benchmark runs.
  const { FakeSlack } = await import('./fake/fake-slack.js');
  const { formBody, postSigned, slashCommandPayload } = await import('./fake/requests.js');
  const secret = 'bench-signing-secret';
  // Many users, so the per-user rate limit on questions never turns the answers into refusals.
  const users = Array.from({ length: 50 }, (_, i) => ({ id: `UBENCH${i}`, name: `bench${i}` }));
  const fake = await FakeSlack.start({ users });
  const times: number[] = [];
  // Whatever fails (the knowledge base, the start-up, a request), everything started is closed.
  const cleanup: (() => Promise<void>)[] = [() => fake.close()];
  try {
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      ...(options.knowledgeDir ? { KNOWLEDGE_DIR: options.knowledgeDir } : {}),
      SLACK_BOT_TOKEN: fake.botToken,
      SLACK_API_URL: fake.apiUrl,
      ...(mode === 'socket' ? { SLACK_APP_TOKEN: fake.appToken } : { SLACK_SIGNING_SECRET: secret }),
    });
    config.slack!.port = 0;
    const app = createApp(config, { clock: systemClock, timers: realTimers, random: Math.random, logger: silentLogger });
    cleanup.unshift(() => app.stop());
    const slack = await startSlackAdapter(app, config, silentLogger, { host: '127.0.0.1', retries: 0, autoReconnect: false });
    cleanup.unshift(() => slack.stop());
    for (let i = 0; i < warmup + n; i++) {
      const user = users[i % users.length]!;
      const who = { team: fake.teamId, user: user.id, userName: user.name, channel: 'CBENCH' };
      const payload = slashCommandPayload(who, QUESTIONS[i % QUESTIONS.length]!, fake.responseUrl());
      let ms: number;
      if (mode === 'socket') ms = (await fake.sendEnvelope('slash_commands', payload)).ms;
      else {
        const res = await postSigned(`http://127.0.0.1:${slack.port()}/slack/events`, formBody(payload), { secret });
        if (res.status !== 200) throw new Error(`bench: /slack/events answered ${res.status}`);
        ms = res.ms;
      }
      if (i >= warmup) times.push(ms);
    }
    await fake.waitFor(() => fake.responses.length >= warmup + n, 'every answer', 30_000);
  } finally {
    for (const step of cleanup) await step();
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
}
