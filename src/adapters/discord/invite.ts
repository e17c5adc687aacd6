import { PermissionFlagsBits } from 'discord.js';

/**
 * What the bot does in a channel, and nothing more: read it, post (embeds), start a thread on a
 * daily question and post the reveal in it; replying to a message (the fallback when threads are
 * not allowed) needs Read Message History. Slash-command replies need no permission at all.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.SendMessagesInThreads;

/** The link that adds the bot to a server (always discord.com: a person opens it in a browser). */
export function inviteUrl(appId: string, guildId?: string): string {
  const query = new URLSearchParams({ client_id: appId, scope: 'bot applications.commands', permissions: BOT_PERMISSIONS.toString() });
  if (guildId) {
    query.set('guild_id', guildId);
    query.set('disable_guild_select', 'true');
  }
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
