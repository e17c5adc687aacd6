import { userInfo } from 'node:os';
import { environmentWithDotenv, loadConfig, ConfigError, type Config } from './config/config.js';
import { createApp, type App } from './app/create-app.js';
import { createLogger } from './app/logger.js';
import { nodeCronEngine } from './app/schedule-engine.js';
import type { HealthServer } from './app/health-server.js';
import type { PrometheusMetrics } from './app/metrics.js';
import type { RunningAdapter } from './adapters/adapter.js';
import { ConsoleAdapter } from './adapters/console/console.js';
import { KnowledgeError } from './core/knowledge/load.js';
import { realTimers, systemClock, type Logger } from './core/ports.js';
import { StorageError } from './storage/sqlite-store.js';

/** SIGTERM to exit: what Kubernetes allows by default is 30 s; we promise 10. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<number> {
  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()), nodeCronEngine().validate);
  const server = Boolean(config.discord || config.slack);
  const adapters: RunningAdapter[] = [];

  // Metrics and the health server only where someone can scrape them: prom-client is not free to load.
  let metrics: PrometheusMetrics | undefined;
  if (config.healthPort !== undefined) {
    const { PrometheusMetrics } = await import('./app/metrics.js');
    metrics = new PrometheusMetrics(() => adapters.map((a) => ({ platform: a.platform, connected: a.connected() })));
  }
  const logger = await createLogger(config.logLevel ?? (server ? 'info' : 'warn'), config.logFormat, (msg) => metrics?.errors.inc({ kind: msg }));
  process.on('unhandledRejection', (err) => logger.error('unhandled rejection', { err }));

  const app = createApp(config, { clock: systemClock, timers: realTimers, random: Math.random, logger, metrics });
  let health: HealthServer | undefined;
  if (metrics && config.healthPort !== undefined) {
    const { HealthServer } = await import('./app/health-server.js');
    health = new HealthServer(
      () => [
        { name: 'knowledge', ok: () => app.services.kb.entries.length > 0 },
        { name: 'database', ok: () => app.services.store.healthy() },
        ...adapters.map((a) => ({ name: a.platform, ok: () => a.connected() })),
      ],
      metrics.registry,
    );
    const port = await health.listen(config.healthPort);
    logger.info('health endpoints listening', { port });
  }

  try {
    return server ? await runServer(app, config, logger, adapters) : await runConsole(app);
  } finally {
    await health?.close();
  }
}

async function runServer(app: App, config: Config, logger: Logger, adapters: RunningAdapter[]): Promise<number> {
  let stopping = false;
  const stopped = new Promise<string>((resolve) => {
    for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => resolve(sig));
  });
  try {
    // Platform SDKs load only when configured, so the console starts fast.
    if (config.discord) adapters.push(await (await import('./adapters/discord/start.js')).startDiscord(app, config, logger));
    if (config.slack) adapters.push(await (await import('./adapters/slack/start.js')).startSlack(app, config, logger));
    await app.startBackground();
    logger.info('bot running', { adapters: adapters.map((a) => a.platform) });
    const signal = await stopped;
    stopping = true;
    logger.info('shutting down', { signal });
  } finally {
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Adapters first (stop taking work, finish replies in flight), then timers and the database.
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await app.stop();
    if (stopping) logger.info('stopped cleanly');
  }
  return 0;
}

async function runConsole(app: App): Promise<number> {
  const console_ = new ConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    lang: app.config.defaultLang,
    userName: safeUserName(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  app.chat.register('console', console_);
  process.once('SIGTERM', () => console_.stop());
  try {
    await app.startBackground();
    await console_.run(app.bot, app.services);
  } finally {
    await app.stop();
  }
  return 0;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Expected start-up problems get their message alone; anything else keeps its stack.
    if (err instanceof ConfigError || err instanceof KnowledgeError || err instanceof StorageError) console.error(err.message);
    else console.error(err);
    process.exitCode = 1;
  },
);
