import type { App } from '../../app/create-app.js';
import type { CommandContext } from '../../core/commands/types.js';
import { slackId } from './ids.js';
import type { SlackUserDirectory } from './users.js';

/** What every incoming Slack event says about who and where, before any look-up. */
export interface SlackOrigin {
  teamId: string;
  userId: string;
  /** The name in the payload, used when users.info has none. */
  userName?: string;
  channelId: string;
}

/**
 * The core's view of a Slack event: ids prefixed with `slack:`, admin rights from the workspace
 * (admins and owners) or ADMIN_USERS, language from the user's Slack locale or DEFAULT_LANG.
 */
export async function slackContext(app: App, users: SlackUserDirectory, origin: SlackOrigin): Promise<CommandContext> {
  const who = await users.lookup(origin.userId);
  const userId = slackId(origin.userId);
  return {
    platform: 'slack',
    user: { id: userId, name: who.name ?? origin.userName ?? origin.userId },
    channelId: slackId(origin.channelId),
    workspaceId: slackId(origin.teamId),
    isAdmin: who.isAdmin || app.config.adminUsers.has(userId),
    lang: who.lang ?? app.config.defaultLang,
    services: app.services,
  };
}
