/**
 * The core sees Discord ids only as opaque strings with a `discord:` prefix; this file is the one
 * place that writes and reads them. Message references carry their channel, because editing a
 * message needs both.
 */
const PREFIX = 'discord:';
const SNOWFLAKE = /^\d{1,25}$/;

export const userKey = (userId: string): string => `${PREFIX}${userId}`;
export const channelKey = (channelId: string): string => `${PREFIX}${channelId}`;
export const workspaceKey = (guildId: string | null): string => `${PREFIX}${guildId ?? 'dm'}`;
export const messageRef = (channelId: string, messageId: string): string => `${PREFIX}${channelId}:${messageId}`;

export function parseChannelKey(key: string): string {
  const id = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : '';
  if (!SNOWFLAKE.test(id)) throw new Error(`not a Discord channel id: ${key}`);
  return id;
}

export function parseMessageRef(ref: string): { channelId: string; messageId: string } {
  const [channelId = '', messageId = ''] = ref.startsWith(PREFIX) ? ref.slice(PREFIX.length).split(':') : [];
  if (!SNOWFLAKE.test(channelId) || !SNOWFLAKE.test(messageId)) throw new Error(`not a Discord message reference: ${ref}`);
  return { channelId, messageId };
}
