import type { Interaction } from 'discord.js';
import type { Config } from '../../config/config.js';
import type { CommandContext, Services } from '../../core/commands/types.js';
import type { Lang } from '../../core/knowledge/types.js';
import { isDiscordAdmin } from './admin.js';
import { channelKey, userKey, workspaceKey } from './ids.js';

/** The user's Discord client language: zh-CN / zh-TW → 中文, en-US / en-GB → English, else the default. */
export function langFromLocale(locale: string | null | undefined, fallback: Lang): Lang {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('zh')) return 'zh';
  if (l.startsWith('en')) return 'en';
  return fallback;
}

/** What the core needs to know about who asked, where, and with which rights. */
export function contextFor(interaction: Interaction, services: Services, config: Pick<Config, 'adminUsers' | 'defaultLang'>): CommandContext {
  const user = userKey(interaction.user.id);
  const member = interaction.member;
  const name = member && 'displayName' in member ? member.displayName : interaction.user.displayName;
  return {
    platform: 'discord',
    user: { id: user, name },
    channelId: channelKey(interaction.channelId ?? 'unknown'),
    workspaceId: workspaceKey(interaction.guildId),
    isAdmin: isDiscordAdmin(interaction.memberPermissions, user, config.adminUsers),
    lang: langFromLocale(interaction.locale, config.defaultLang),
    services,
  };
}
