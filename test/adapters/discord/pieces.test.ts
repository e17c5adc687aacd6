import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isDiscordAdmin } from '../../../src/adapters/discord/admin.js';
import { langFromLocale } from '../../../src/adapters/discord/context.js';
import { channelKey, messageRef, parseChannelKey, parseMessageRef } from '../../../src/adapters/discord/ids.js';
import { BOT_PERMISSIONS, inviteUrl } from '../../../src/adapters/discord/invite.js';

describe('discord adapter pieces', () => {
  it('reads the language from the client locale', () => {
    expect(langFromLocale('zh-CN', 'en')).toBe('zh');
    expect(langFromLocale('zh-TW', 'en')).toBe('zh');
    expect(langFromLocale('en-GB', 'zh')).toBe('en');
    expect(langFromLocale('fr', 'zh')).toBe('zh');
    expect(langFromLocale(undefined, 'en')).toBe('en');
  });

  it('treats Manage Server, Administrator or ADMIN_USERS as admin', () => {
    const admins = new Set(['discord:42']);
    expect(isDiscordAdmin(new PermissionsBitField(PermissionFlagsBits.ManageGuild), 'discord:1', admins)).toBe(true);
    expect(isDiscordAdmin(new PermissionsBitField(PermissionFlagsBits.Administrator), 'discord:1', admins)).toBe(true);
    expect(isDiscordAdmin(new PermissionsBitField(PermissionFlagsBits.SendMessages), 'discord:1', admins)).toBe(false);
    expect(isDiscordAdmin(null, 'discord:42', admins)).toBe(true);
    expect(isDiscordAdmin(null, 'slack:42', admins)).toBe(false);
  });

  it('writes and reads its own ids, and rejects anything else', () => {
    expect(parseChannelKey(channelKey('123'))).toBe('123');
    expect(parseMessageRef(messageRef('123', '456'))).toEqual({ channelId: '123', messageId: '456' });
    expect(() => parseChannelKey('slack:C123')).toThrow();
    expect(() => parseMessageRef('discord:123')).toThrow();
  });

  it('invites with the two scopes and only the permissions the bot uses', () => {
    const url = new URL(inviteUrl('987', '555'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('guild_id')).toBe('555');
    const perms = new PermissionsBitField(BigInt(url.searchParams.get('permissions')!));
    expect(perms.toArray().sort()).toEqual(['CreatePublicThreads', 'EmbedLinks', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel']);
    expect(perms.has(PermissionFlagsBits.Administrator, false)).toBe(false);
    expect(BOT_PERMISSIONS & PermissionFlagsBits.MentionEveryone).toBe(0n);
  });
});
