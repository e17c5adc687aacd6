import type { App as BoltApp } from '@slack/bolt';
import type { App } from '../../app/create-app.js';
import { textReply } from '../../core/reply.js';
import { renderHome } from './blocks.js';
import type { SlackBoundary } from './boundary.js';
import { slackUsage } from './usage.js';

/** The App Home tab: how to use the bot, the person's own stats and the workspace leaderboard. */
export function handleAppHome(bolt: BoltApp, app: App, boundary: SlackBoundary): void {
  bolt.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const publish = (replies: Parameters<typeof renderHome>[0]) => client.views.publish({ user_id: event.user, view: renderHome(replies) }).then(() => {});
    await boundary.run({ kind: 'home', teamId: body.team_id, userId: event.user, channelId: event.channel, notify: (r) => publish([r]) }, async (ctx) => {
      // The core's own /stats and /leaderboard, so the tab shows exactly what the commands do.
      const stats = await app.bot.runCommand(ctx, 'stats', undefined, {});
      const board = await app.bot.runCommand(ctx, 'leaderboard', undefined, {});
      await publish([textReply(slackUsage(ctx.lang)), stats, board]);
    });
  });
}
