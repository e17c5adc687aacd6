import { ChannelType, type Client, type SendableChannels } from 'discord.js';
import type { Lang } from '../../core/knowledge/types.js';
import type { ChatPort, Logger } from '../../core/ports.js';
import type { Reply } from '../../core/reply.js';
import { messageRef, parseChannelKey, parseMessageRef, workspaceKey } from './ids.js';
import { LIMITS } from './limits.js';
import { renderReply } from './render.js';
import { clipText } from './text.js';

/**
 * Posts outside a command's own reply: quiz questions and results, daily questions and reveals.
 * Message references returned here come back for edits (closing a question disables its
 * buttons) and for threads (the daily reveal is posted in a thread on the question).
 */
export class DiscordChatPort implements ChatPort {
  constructor(
    private readonly client: Client,
    private readonly lang: Lang,
    private readonly logger: Logger,
  ) {}

  async post(channelKey: string, reply: Reply, options: { threadOf?: string } = {}): Promise<string> {
    const body = renderReply(reply, { lang: this.lang });
    if (options.threadOf) return this.postInThread(options.threadOf, reply, body);
    const channel = await this.sendable(parseChannelKey(channelKey));
    const message = await channel.send(body);
    return messageRef(message.channelId, message.id);
  }

  async edit(ref: string, reply: Reply): Promise<void> {
    const { channelId, messageId } = parseMessageRef(ref);
    const channel = await this.sendable(channelId);
    await channel.messages.edit(messageId, renderReply(reply, { lang: this.lang, edit: true }));
  }

  async workspaceOf(channelKey: string): Promise<string | undefined> {
    const channel = await this.client.channels.fetch(parseChannelKey(channelKey));
    return channel && 'guildId' in channel && channel.guildId ? workspaceKey(channel.guildId) : undefined;
  }

  /** A thread on the message; where threads are not possible (no permission, already a thread), a reply to it. */
  private async postInThread(ref: string, reply: Reply, body: ReturnType<typeof renderReply>): Promise<string> {
    const { channelId, messageId } = parseMessageRef(ref);
    const channel = await this.sendable(channelId);
    if (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement) {
      try {
        const thread = await channel.threads.create({ startMessage: messageId, name: threadName(reply) });
        const message = await thread.send(body);
        return messageRef(thread.id, message.id);
      } catch (err) {
        this.logger.warn('discord thread not possible, replying to the message instead', { err, channel: channelId });
      }
    }
    const message = await channel.send({ ...body, reply: { messageReference: messageId, failIfNotExists: false } });
    return messageRef(message.channelId, message.id);
  }

  private async sendable(channelId: string): Promise<SendableChannels> {
    const channel = await this.client.channels.fetch(channelId);
    if (!channel?.isSendable()) throw new Error(`Discord channel ${channelId} is not one the bot can post in`);
    return channel;
  }
}

function threadName(reply: Reply): string {
  const title = reply.cards[0]?.title ?? reply.text ?? '';
  return clipText(title.replace(/[*_`~]/g, '').trim() || '💬', LIMITS.threadName);
}
