import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Config } from '../../config/config.js';

export const EVENTS_PATH = '/slack/events';

/** How Slack reaches the bot: a Socket Mode connection out, or HTTP requests in. */
export interface SlackTransport {
  mode: 'socket' | 'http';
  receiver: SocketModeReceiver | HTTPReceiver;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Socket Mode: the connection is up (Slack said hello). HTTP: the server is listening. */
  connected(): boolean;
  /** HTTP mode: the port the server listens on (PORT=0 picks a free one). */
  port(): number | undefined;
}

export interface TransportOptions {
  logger: BoltLogger;
  /** A fresh Web API options object per call: the Socket Mode client writes into the one it gets. */
  clientOptions: () => webApi.WebClientOptions;
  /** HTTP mode: the interface to listen on; all of them when unset. */
  host?: string;
  autoReconnect?: boolean;
}

/** SLACK_APP_TOKEN chooses Socket Mode; otherwise HTTP with SLACK_SIGNING_SECRET on PORT. */
export function createTransport(slack: NonNullable<Config['slack']>, options: TransportOptions): SlackTransport {
  if (slack.appToken) return socketTransport(slack.appToken, options);
  if (!slack.signingSecret) throw new Error('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode)');
  return httpTransport(slack.signingSecret, slack.port, options);
}

function socketTransport(appToken: string, options: TransportOptions): SlackTransport {
  const receiver = new SocketModeReceiver({
    appToken,
    logger: options.logger,
    autoReconnectEnabled: options.autoReconnect ?? true,
    installerOptions: { clientOptions: options.clientOptions() },
  });
  let up = false;
  receiver.client.on('connected', () => (up = true));
  // 'close' is the socket itself going away; while a reconnect waits its turn no state event fires.
  for (const state of ['close', 'connecting', 'disconnecting', 'reconnecting', 'disconnected']) receiver.client.on(state, () => (up = false));
  return {
    mode: 'socket',
    receiver,
    start: async () => {
      await receiver.start();
    },
    stop: () => receiver.stop(),
    connected: () => up,
    port: () => undefined,
  };
}

function httpTransport(signingSecret: string, port: number, options: TransportOptions): SlackTransport {
  const receiver = new HTTPReceiver({ signingSecret, endpoints: EVENTS_PATH, port, logger: options.logger });
  let server: Server | undefined;
  return {
    mode: 'http',
    receiver,
    start: async () => {
      server = await receiver.start(options.host ? { port, host: options.host } : port);
    },
    stop: async () => {
      if (server?.listening) await receiver.stop();
    },
    connected: () => Boolean(server?.listening),
    port: () => (server?.address() as AddressInfo | null)?.port,
  };
}
