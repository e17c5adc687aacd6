import { once } from 'node:events';
import { Events, Status, type Client } from 'discord.js';
import type { App } from '../../app/create-app.js';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../core/ports.js';
import type { RunningAdapter, StartAdapter } from '../adapter.js';
import { DiscordChatPort } from './chat-port.js';
import { createDiscordClient } from './client.js';
import { commandJson } from './command-json.js';
import { syncCommands } from './command-sync.js';
import { createInteractionHandler } from './interaction-handler.js';
import { inviteUrl } from './invite.js';
import { DEFER_AFTER_MS } from './respond.js';

export interface DiscordAdapterOptions {
  /** Acknowledge a slow answer after this long (Discord allows 3 s). */
  deferAfterMs?: number;
  /** Give up connecting after this long. */
  readyTimeoutMs?: number;
  /** How long stop() waits for replies in flight. */
  drainMs?: number;
}

export const startDiscord: StartAdapter = (app, config, logger) => startDiscordAdapter(app, config, logger);

/**
 * Connects to the gateway, registers the `discord` ChatPort, brings the slash commands up to
 * date and logs the invite link. Resolves once Discord has sent every guild.
 */
export async function startDiscordAdapter(app: App, config: Config, logger: Logger, options: DiscordAdapterOptions = {}): Promise<RunningAdapter> {
  const discord = config.discord;
  if (!discord) throw new Error('The Discord adapter needs DISCORD_TOKEN.');
  const client = createDiscordClient(discord);
  const handle = createInteractionHandler({ bot: app.bot, services: app.services, config, logger, deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  let stopped = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return;
    const work = handle(interaction)
      .catch((err: unknown) => logger.error('discord handler escaped its boundary', { err }))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  watchConnection(client, logger, () => accepting);
  // discord.js runs gateway handlers in promises of its own; one that rejects (a malformed
  // payload, say) must not end the process. Logged, and the connection goes on.
  const onUnhandled = (reason: unknown) => logger.error('unhandled rejection', { err: reason });
  process.on('unhandledRejection', onUnhandled);

  const shutdown = async () => {
    accepting = false;
    await settle([...inFlight], options.drainMs ?? 5000);
    stopped = true;
    await client.destroy();
    process.off('unhandledRejection', onUnhandled);
  };

  try {
    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(options.readyTimeoutMs ?? 30_000) });
    // If login itself fails, nobody awaits `ready`; its later rejection must not go unhandled.
    ready.catch(() => undefined);
    await client.login(discord.token);
    await ready;
    const appId = client.application?.id ?? client.user?.id;
    if (!appId) throw new Error('Discord sent no application id in READY');
    app.chat.register('discord', new DiscordChatPort(client, config.defaultLang, logger));
    logger.info('discord connected', { user: client.user?.tag, guilds: client.guilds.cache.size });

    const wanted = commandJson(app.bot.commands, app.services.kb.topics);
    try {
      const outcome = await syncCommands(client.rest, appId, discord.guildId, wanted);
      logger.info(outcome === 'registered' ? 'discord slash commands registered' : 'discord slash commands up to date', { count: wanted.length, scope: discord.guildId ? `guild ${discord.guildId}` : 'global' });
    } catch (err) {
      // Commands registered earlier keep working; `npm run discord:register` can retry.
      logger.error('discord slash command registration failed', { err });
    }
    logger.info('discord invite URL (scopes bot + applications.commands)', { url: inviteUrl(appId, discord.guildId) });
  } catch (err) {
    await shutdown().catch(() => undefined);
    throw err;
  }

  return {
    platform: 'discord',
    connected: () => !stopped && client.ws.shards.size > 0 && client.ws.shards.every((s) => s.status === Status.Ready),
    stop: shutdown,
  };
}

function watchConnection(client: Client, logger: Logger, running: () => boolean): void {
  client.on(Events.Error, (err) => logger.error('discord client error', { err }));
  client.on(Events.Warn, (message) => logger.warn('discord warning', { message }));
  client.on(Events.ShardError, (err, shard) => logger.warn('discord gateway error', { err, shard }));
  // Our own shutdown closes the connection too; that is not worth a warning.
  client.on(Events.ShardReconnecting, (shard) => running() && logger.warn('discord gateway reconnecting', { shard }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('discord gateway resumed', { shard, replayed }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.error('discord gateway closed for good', { shard, code: event.code }));
}

/** Waits for the promises, but not longer than `ms`. */
async function settle(promises: Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([Promise.allSettled(promises), timeout]);
  clearTimeout(timer);
}
