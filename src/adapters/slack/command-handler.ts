import type { App as BoltApp } from '@slack/bolt';
import type { App } from '../../app/create-app.js';
import type { SlackBoundary } from './boundary.js';
import { fromSlackText } from './mrkdwn.js';
import { privateResponse, response } from './responses.js';
import { slackUsage } from './usage.js';

/**
 * `/k8s <question>` asks; `/k8s quiz …`, `/k8s daily …`, `/k8s stats` and the rest run the core's
 * commands (the slash before the command name is optional). Acknowledged first, so Slack's
 * 3-second deadline never depends on the work; the reply follows through the response_url.
 */
export function handleSlashCommand(bolt: BoltApp, app: App, boundary: SlackBoundary): void {
  // Any command name: the app has one, and an admin may have renamed it in the manifest.
  bolt.command(/.*/, async ({ command, ack, respond }) => {
    await ack();
    await boundary.run(
      { kind: 'command', teamId: command.team_id, userId: command.user_id, userName: command.user_name, channelId: command.channel_id, notify: (r) => respond(privateResponse(r)).then(() => {}) },
      async (ctx) => {
        const text = fromSlackText(command.text ?? '');
        const help = text === '' || /^\/?help$/i.test(text);
        const reply = await app.bot.handleText(ctx, text === '' ? 'help' : text, { slashOptional: true });
        await respond(response(help ? { ...reply, text: slackUsage(ctx.lang), ephemeral: true } : reply));
      },
    );
  });
}
