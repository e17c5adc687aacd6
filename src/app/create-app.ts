import { loadKnowledgeIndex } from './knowledge.js';
import { ChatRouter } from './chat-router.js';
import { DailyScheduler } from './daily-scheduler.js';
import { nodeCronEngine } from './schedule-engine.js';
import type { Config } from '../config/config.js';
import { Bot } from '../core/bot.js';
import { COMMANDS } from '../core/commands/registry.js';
import type { Services } from '../core/commands/types.js';
import { noMetrics, type Clock, type Logger, type Metrics, type Random, type Timers } from '../core/ports.js';
import { createServices } from '../core/services.js';
import { SqliteStore } from '../storage/sqlite-store.js';

export interface AppIO {
  clock: Clock;
  timers: Timers;
  random: Random;
  logger: Logger;
  metrics?: Metrics;
}

export interface App {
  config: Config;
  services: Services;
  bot: Bot;
  chat: ChatRouter;
  scheduler: DailyScheduler;
  /** Re-arm timers, make missed daily posts, start the schedules. Call once adapters are connected. */
  startBackground(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the bot from validated configuration and the I/O it is given. Adapters are added by the caller. */
export function createApp(config: Config, io: AppIO): App {
  const { kb, index } = loadKnowledgeIndex(config.knowledgeDir);
  const store = SqliteStore.open(config.databasePath);
  const chat = new ChatRouter();
  const services = createServices(
    {
      kb,
      index,
      store,
      chat,
      ...io,
      metrics: io.metrics ?? noMetrics,
      settings: {
        rateLimits: config.rateLimits,
        quizSeconds: config.quizSeconds,
        dailyRevealAfterMs: config.dailyRevealAfterMs,
        dailyCron: config.dailyCron,
        dailyTimezone: config.dailyTimezone,
        dailyLang: config.defaultLang,
      },
    },
    nodeCronEngine(),
  );
  const scheduler = new DailyScheduler(services.daily, store, io.clock, io.logger);
  const bot = new Bot(COMMANDS);

  return {
    config,
    services,
    bot,
    chat,
    scheduler,
    async startBackground() {
      // DAILY_CHANNELS: zero-setup subscriptions. A channel's own /daily subscribe wins over them.
      for (const channelId of config.dailyChannels) {
        const platform = channelId.slice(0, channelId.indexOf(':'));
        if (!chat.has(platform)) {
          io.logger.warn('DAILY_CHANNELS names a platform that is not running', { channel: channelId });
          continue;
        }
        const existing = store.getSubscription(channelId);
        if (existing?.source === 'command') continue;
        const workspaceId = (await chat.workspaceOf(channelId).catch(() => undefined)) ?? `${platform}:unknown`;
        store.upsertSubscription({ channelId, workspaceId, cron: config.dailyCron, timezone: config.dailyTimezone, source: 'env', createdBy: 'DAILY_CHANNELS', createdAt: io.clock.now() });
      }
      await services.quiz.recover();
      await services.daily.recover();
      scheduler.sync();
    },
    async stop() {
      scheduler.stop();
      services.quiz.stopTimers();
      services.daily.stopTimers();
      store.close();
    },
  };
}
