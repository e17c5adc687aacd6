/**
 * Discord API objects as the fake server sends them: only the fields discord.js reads, with
 * realistic shapes (snowflake ids, permission bitfields as strings).
 */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** Numeric, unique and increasing, like Discord's ids (discord.js reads timestamps out of them). */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

export interface FakeUser {
  id: string;
  name: string;
  /** Guild permission bits of the member (Manage Server is 0x20). */
  permissions?: bigint;
  /** The Discord client's language, e.g. en-US or zh-CN. */
  locale?: string;
}

export const userJson = (u: { id: string; name: string }, bot = false) => ({
  id: u.id,
  username: u.name,
  global_name: bot ? null : u.name,
  discriminator: '0',
  avatar: null,
  ...(bot && { bot: true }),
});

export const memberJson = (u: FakeUser) => ({
  user: userJson(u),
  nick: null,
  avatar: null,
  roles: [],
  joined_at: '2024-01-01T00:00:00.000Z',
  premium_since: null,
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  communication_disabled_until: null,
  permissions: (u.permissions ?? 0n).toString(),
});

export const textChannelJson = (id: string, guildId: string, name: string) => ({ id, type: 0, guild_id: guildId, name, position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 });

export const threadJson = (id: string, guildId: string, parentId: string, name: string, ownerId: string) => ({
  id,
  type: 11,
  guild_id: guildId,
  parent_id: parentId,
  name,
  owner_id: ownerId,
  member_count: 1,
  message_count: 0,
  rate_limit_per_user: 0,
  flags: 0,
  thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
});

export function guildJson(id: string, ownerId: string, channels: unknown[]) {
  return {
    id,
    name: 'Fake Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '1024', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [],
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A message as the fake stores it: what the client sent, plus what Discord adds. */
export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  allowed_mentions?: unknown;
  message_reference?: { message_id: string };
  /** Set on interaction responses: which interaction created it. */
  interaction_id?: string;
  edited: number;
}

export function messageJson(m: FakeMessage, author: { id: string; name: string }) {
  return {
    id: m.id,
    channel_id: m.channel_id,
    ...(m.guild_id && { guild_id: m.guild_id }),
    author: userJson(author, true),
    content: m.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: m.edited > 0 ? new Date().toISOString() : null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: m.embeds,
    components: m.components,
    pinned: false,
    type: m.message_reference ? 19 : 0,
    flags: m.flags,
    ...(m.message_reference && { message_reference: { ...m.message_reference, channel_id: m.channel_id } }),
  };
}
