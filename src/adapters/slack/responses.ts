import type { RespondArguments } from '@slack/bolt';
import type { Reply } from '../../core/reply.js';
import { renderMessage } from './blocks.js';

/** A reply sent through a response_url: ephemeral when the core says so, else in the channel. */
export function response(reply: Reply, extra: Partial<RespondArguments> = {}): RespondArguments {
  return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', ...renderMessage(reply), ...extra } as RespondArguments;
}

/** Only the person who acted sees it, and the message they acted on stays as it is. */
export const privateResponse = (reply: Reply): RespondArguments => response(reply, { response_type: 'ephemeral', replace_original: false });

/** Replaces the message a button was clicked on, keeping its visibility (Slack ignores a new one). */
export const replacement = (reply: Reply): RespondArguments => ({ ...renderMessage(reply), replace_original: true }) as RespondArguments;
