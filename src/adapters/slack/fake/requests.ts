import { createHmac } from 'node:crypto';

/**
 * What Slack sends the bot, for the fake and its users: signed HTTP requests and the payloads of
 * slash commands, button clicks and events, with just the fields Slack sends.
 */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPostOptions {
  secret: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
  contentType?: string;
}

export interface PostResult {
  status: number;
  body: string;
  /** Request sent → response complete, in milliseconds. */
  ms: number;
}

export async function postSigned(url: string, body: string, options: SignedPostOptions): Promise<PostResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(options.secret, timestamp, body),
    },
    body,
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}

export interface Who {
  team: string;
  user: string;
  userName?: string;
  channel: string;
}

export function slashCommandPayload(who: Who, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: who.team,
    team_domain: 'example',
    channel_id: who.channel,
    channel_name: 'general',
    user_id: who.user,
    user_name: who.userName ?? who.user.toLowerCase(),
    command: '/k8s',
    text,
    api_app_id: 'A0APP',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger.${Date.now()}`,
  };
}

/** A click on a button of a message the bot posted (`messageTs`), optionally inside a thread. */
export function blockActionsPayload(who: Who, button: { action_id: string; value: string }, responseUrl: string, message: { ts: string; thread_ts?: string }) {
  return {
    type: 'block_actions',
    user: { id: who.user, username: who.userName ?? who.user.toLowerCase(), name: who.userName ?? who.user.toLowerCase(), team_id: who.team },
    api_app_id: 'A0APP',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: message.ts, channel_id: who.channel, is_ephemeral: false },
    trigger_id: `trigger.${Date.now()}`,
    team: { id: who.team, domain: 'example' },
    channel: { id: who.channel, name: 'general' },
    message: { type: 'message', ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}), text: '', blocks: [] },
    response_url: responseUrl,
    actions: [{ type: 'button', block_id: 'b', action_id: button.action_id, text: { type: 'plain_text', text: 'x' }, value: button.value, action_ts: `${Date.now() / 1000}` }],
  };
}

/** An Events API envelope (`event_callback`) around one event. */
export function eventCallback(team: string, event: Record<string, unknown>) {
  return {
    token: 'verification-token-unused',
    team_id: team,
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: team, user_id: 'UBOT', is_bot: true }],
  };
}

export const formBody = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
