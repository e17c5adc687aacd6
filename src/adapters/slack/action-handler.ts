import type { App as BoltApp } from '@slack/bolt';
import type { App } from '../../app/create-app.js';
import { ACTION_ID_PREFIX } from './blocks.js';
import type { SlackBoundary } from './boundary.js';
import { privateResponse, replacement, response } from './responses.js';

/**
 * Button clicks. Our buttons carry the core's action id in `value`; the reply replaces the
 * message (`update`), goes to the channel (`reply`, in the same thread) or to the clicker alone.
 */
export function handleButtons(bolt: BoltApp, app: App, boundary: SlackBoundary): void {
  bolt.action(new RegExp(`^${ACTION_ID_PREFIX}`), async ({ ack, body, action, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !action.value) return;
    const value = action.value;
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!channelId) return;
    const thread = body.message?.thread_ts;
    await boundary.run(
      { kind: 'action', teamId: body.team?.id ?? body.user.team_id ?? 'unknown', userId: body.user.id, userName: body.user.name, channelId, notify: (r) => respond(privateResponse(r)).then(() => {}) },
      async (ctx) => {
        const { reply, mode } = await app.bot.handleAction(ctx, value);
        if (mode === 'update') await respond(replacement(reply));
        else if (mode === 'ephemeral' || reply.ephemeral) await respond(privateResponse(reply));
        else await respond(response(reply, { response_type: 'in_channel', replace_original: false, ...(thread ? { thread_ts: thread } : {}) }));
      },
    );
  });
  // Anything else clicked (nothing we render today) is still acknowledged, so Slack shows no error.
  bolt.action(new RegExp(`^(?!${ACTION_ID_PREFIX})`), async ({ ack }) => {
    await ack();
  });
}
