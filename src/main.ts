import { userInfo } from 'node:os';
import { environmentWithDotenv, loadConfig, ConfigError } from './config/config.js';
import { loadKnowledgeIndex } from './app/knowledge.js';
import { createJsonLogger } from './app/logger.js';
import { Bot } from './core/bot.js';
import { COMMANDS } from './core/commands/registry.js';
import type { Services } from './core/commands/types.js';
import { KnowledgeError } from './core/knowledge/load.js';
import { systemClock } from './core/ports.js';
import { SqliteStore, StorageError } from './storage/sqlite-store.js';
import { runConsole } from './adapters/console/console.js';

async function main(): Promise<number> {
  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()));
  const logger = createJsonLogger(config.logLevel);
  const { kb, index } = loadKnowledgeIndex(config.knowledgeDir);
  const store = SqliteStore.open(config.databasePath);
  const services: Services = { kb, index, store, clock: systemClock, logger };
  const bot = new Bot(COMMANDS);
  try {
    await runConsole({
      bot,
      services,
      input: process.stdin,
      output: process.stdout,
      lang: config.defaultLang,
      userName: safeUserName(),
      interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
  } finally {
    store.close();
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
