import type { App as BoltApp, webApi } from '@slack/bolt';
import type { App } from '../../app/create-app.js';
import type { Reply } from '../../core/reply.js';
import { renderMessage } from './blocks.js';
import type { SlackBoundary } from './boundary.js';
import { fromSlackText } from './mrkdwn.js';

interface Conversation {
  client: webApi.WebClient;
  channel: string;
  user: string;
  /** Replies to a mention go in its thread. */
  threadTs?: string;
}

/** A reply in a conversation the bot was addressed in; private replies as ephemeral messages. */
async function deliver(to: Conversation, reply: Reply): Promise<void> {
  const thread = to.threadTs ? { thread_ts: to.threadTs } : {};
  if (reply.ephemeral) await to.client.chat.postEphemeral({ channel: to.channel, user: to.user, ...renderMessage(reply), ...thread });
  else await to.client.chat.postMessage({ channel: to.channel, ...renderMessage(reply), ...thread, unfurl_links: false, unfurl_media: false });
}

/**
 * Mentioning the bot with a question, or sending it a direct message, asks (a leading `/quiz`
 * and the like still run commands). Events are acknowledged by Bolt before this runs.
 */
export function handleMentionsAndMessages(bolt: BoltApp, app: App, boundary: SlackBoundary): void {
  bolt.event('app_mention', async ({ event, body, client, context }) => {
    if (!event.user || event.bot_id) return;
    const to: Conversation = { client, channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts };
    await boundary.run({ kind: 'mention', teamId: body.team_id, userId: event.user, channelId: event.channel, notify: (r) => deliver(to, r) }, async (ctx) => {
      const question = fromSlackText(event.text ?? '', { stripUser: context.botUserId });
      await deliver(to, await app.bot.handleText(ctx, question));
    });
  });

  bolt.message(async ({ message, body, client }) => {
    // Only people's own new messages in a DM: no edits, joins or bot posts (Bolt drops the bot's own).
    if (message.channel_type !== 'im' || message.subtype !== undefined || !message.user || message.bot_id) return;
    const to: Conversation = { client, channel: message.channel, user: message.user, threadTs: message.thread_ts };
    await boundary.run({ kind: 'dm', teamId: body.team_id, userId: message.user, channelId: message.channel, notify: (r) => deliver(to, r) }, async (ctx) => {
      await deliver(to, await app.bot.handleText(ctx, fromSlackText(message.text ?? '')));
    });
  });
}
