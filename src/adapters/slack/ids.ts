/**
 * The opaque ids the core passes around, as the Slack adapter writes them: channels are
 * `slack:<channel>`, messages `slack:<channel>:<ts>`, users `slack:<user>`, workspaces
 * `slack:<team>`. Only this adapter reads them back.
 */
const PREFIX = 'slack:';

export const slackId = (raw: string) => `${PREFIX}${raw}`;

export const messageRef = (channel: string, ts: string) => `${PREFIX}${channel}:${ts}`;

/** The Slack channel id inside `slack:C123`, or undefined for anything else. */
export function channelOf(id: string): string | undefined {
  const m = /^slack:([A-Za-z0-9]+)$/.exec(id);
  return m?.[1];
}

/** Channel and timestamp inside `slack:C123:1712345678.000100`. */
export function parseMessageRef(ref: string): { channel: string; ts: string } | undefined {
  const m = /^slack:([A-Za-z0-9]+):(\d+\.\d+)$/.exec(ref);
  return m ? { channel: m[1]!, ts: m[2]! } : undefined;
}
