import { userInfo } from 'node:os';
import { environmentWithDotenv, loadConfig, ConfigError } from './config/config.js';
import { createApp } from './app/create-app.js';
import { createJsonLogger } from './app/logger.js';
import { nodeCronEngine } from './app/schedule-engine.js';
import { ConsoleAdapter } from './adapters/console/console.js';
import { KnowledgeError } from './core/knowledge/load.js';
import { realTimers, systemClock } from './core/ports.js';
import { StorageError } from './storage/sqlite-store.js';

async function main(): Promise<number> {
  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()), nodeCronEngine().validate);
  const logger = createJsonLogger(config.logLevel ?? 'warn');
  const app = createApp(config, { clock: systemClock, timers: realTimers, random: Math.random, logger });

  // No platform credentials: the local console, with every command working the same way.
  const console_ = new ConsoleAdapter({
    input: process.stdin,
    output: process.stdout,
    lang: config.defaultLang,
    userName: safeUserName(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  });
  app.chat.register('console', console_);
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
