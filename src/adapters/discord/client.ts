import { Client, GatewayIntentBits, type RESTOptions } from 'discord.js';
import type { Config } from '../../config/config.js';
import { NO_MENTIONS } from './render.js';

type DiscordConfig = NonNullable<Config['discord']>;

/** DISCORD_API_URL points the client at another API (a local fake); unset means Discord itself. */
export function restOptions(discord: DiscordConfig): Partial<RESTOptions> {
  return discord.apiUrl ? { api: discord.apiUrl.replace(/\/+$/, '') } : {};
}

/**
 * The gateway client. Slash commands and buttons arrive as interactions, which need no privileged
 * intent: Guilds alone (channels and permissions), no message content, no members.
 */
export function createDiscordClient(discord: DiscordConfig): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: restOptions(discord),
    // A default for every message the client sends; each rendered message also sets it.
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
  });
}
