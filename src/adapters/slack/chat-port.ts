import type { webApi } from '@slack/bolt';
import type { ChatPort } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { renderMessage } from './blocks.js';
import { channelOf, messageRef, parseMessageRef, slackId } from './ids.js';

/**
 * Posting outside a command's own reply (quiz questions, daily posts and reveals) through the
 * Web API. References carry channel and ts, which is what chat.update and threads need.
 */
export class SlackChatPort implements ChatPort {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly teamId: string,
  ) {}

  async post(channelId: string, reply: Reply, options: { threadOf?: string } = {}): Promise<string | undefined> {
    const channel = channelOf(channelId);
    if (!channel) throw new Error(`not a Slack channel id: ${channelId}`);
    const thread = options.threadOf ? parseMessageRef(options.threadOf) : undefined;
    const res = await this.client.chat.postMessage({
      channel,
      ...renderMessage(reply),
      ...(thread ? { thread_ts: thread.ts } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
    return res.ts ? messageRef(res.channel ?? channel, res.ts) : undefined;
  }

  async edit(ref: string, reply: Reply): Promise<void> {
    const target = parseMessageRef(ref);
    if (!target) throw new Error(`not a Slack message reference: ${ref}`);
    await this.client.chat.update({ channel: target.channel, ts: target.ts, ...renderMessage(reply) });
  }

  /** The bot is installed in one workspace, so every channel it can post to belongs to it. */
  async workspaceOf(): Promise<string> {
    return slackId(this.teamId);
  }
}
