import { PermissionFlagsBits, type PermissionsBitField } from 'discord.js';

/**
 * Admin commands (daily subscribe, unsubscribe, now) need Manage Server in the guild, or the user
 * listed in ADMIN_USERS. Administrator implies Manage Server (discord.js checks it by default).
 */
export function isDiscordAdmin(memberPermissions: Readonly<PermissionsBitField> | null, userKey: string, adminUsers: ReadonlySet<string>): boolean {
  return adminUsers.has(userKey) || (memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
}
