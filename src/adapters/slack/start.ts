import { App as BoltApp, type webApi } from '@slack/bolt';
import type { App } from '../../app/create-app.js';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../core/ports.js';
import type { RunningAdapter, StartAdapter } from '../adapter.js';
import { handleButtons } from './action-handler.js';
import { boltLogger } from './bolt-logger.js';
import { SlackBoundary } from './boundary.js';
import { SlackChatPort } from './chat-port.js';
import { handleSlashCommand } from './command-handler.js';
import { handleAppHome } from './home-handler.js';
import { handleMentionsAndMessages } from './message-handlers.js';
import { createTransport } from './receiver.js';
import { SlackUserDirectory } from './users.js';

export interface SlackAdapterOptions {
  /** HTTP mode: the interface to listen on (default: all). */
  host?: string;
  /** Web API retries; unset keeps the SDK's policy (backing off for up to ~30 minutes). */
  retries?: number;
  /** Socket Mode: reconnect when the connection drops (default true). */
  autoReconnect?: boolean;
  /** How long stop() waits for handlers still running (default 5 s, within main's 10 s shutdown). */
  drainMs?: number;
}

export interface RunningSlack extends RunningAdapter {
  mode: 'socket' | 'http';
  /** HTTP mode: the port the event endpoint listens on. */
  port(): number | undefined;
}

export const startSlack: StartAdapter = (app, config, logger) => startSlackAdapter(app, config, logger);

/** The Web API base must end in a slash, or the client drops its last path segment. */
const apiBase = (url: string | undefined) => (url === undefined ? undefined : url.endsWith('/') ? url : `${url}/`);

/**
 * Connects to Slack (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT), registers the ChatPort
 * for `slack:` channels, and resolves once Slack accepted the token and the connection is up.
 */
export async function startSlackAdapter(app: App, config: Config, logger: Logger, options: SlackAdapterOptions = {}): Promise<RunningSlack> {
  const slack = config.slack;
  if (!slack) throw new Error('The Slack adapter needs SLACK_BOT_TOKEN.');
  const log = boltLogger(logger);
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: apiBase(slack.apiUrl),
    ...(options.retries === undefined ? {} : { retryConfig: { retries: options.retries } }),
  });
  const transport = createTransport(slack, { logger: log, clientOptions, host: options.host, autoReconnect: options.autoReconnect });
  const bolt = new BoltApp({ token: slack.botToken, receiver: transport.receiver, logger: log, clientOptions: clientOptions(), deferInitialization: true });

  let teamId: string;
  try {
    await bolt.init();
    teamId = (await bolt.client.auth.test()).team_id ?? 'unknown';
  } catch (err) {
    throw new Error(`Slack did not accept SLACK_BOT_TOKEN (${describe(err)}). Check the bot token, and SLACK_API_URL if you set it.`);
  }

  const users = new SlackUserDirectory((args) => bolt.client.users.info(args), logger);
  const boundary = new SlackBoundary(app, users, logger);
  handleSlashCommand(bolt, app, boundary);
  handleMentionsAndMessages(bolt, app, boundary);
  handleButtons(bolt, app, boundary);
  handleAppHome(bolt, app, boundary);
  // Our handlers never throw; this catches what Bolt's own middleware might.
  bolt.error(async (err) => logger.error('slack event failed inside Bolt', { err }));

  // A rejection the SDK leaves unhandled (a failed reconnect, a dropped socket) is logged, not
  // fatal. main.ts installs a process-wide handler; this one covers any other host of the adapter.
  const onUnhandled = (reason: unknown) => logger.error('unhandled rejection (kept running)', { err: reason instanceof Error ? reason : new Error(String(reason)) });
  const guardProcess = process.listenerCount('unhandledRejection') === 0;
  if (guardProcess) process.on('unhandledRejection', onUnhandled);

  // Registered before connecting, so an event arriving with the hello can already post.
  app.chat.register('slack', new SlackChatPort(bolt.client, teamId));
  try {
    await transport.start();
  } catch (err) {
    process.off('unhandledRejection', onUnhandled);
    await transport.stop().catch(() => {});
    throw new Error(
      transport.mode === 'socket'
        ? `Could not open a Socket Mode connection (${describe(err)}). Check SLACK_APP_TOKEN (xapp-…, with connections:write) and that Socket Mode is enabled for the app.`
        : `Could not listen for Slack requests on port ${slack.port} (${describe(err)}).`,
    );
  }
  logger.info('slack connected', { mode: transport.mode, team: teamId, port: transport.port() });

  let stopping: Promise<void> | undefined;
  return {
    platform: 'slack',
    mode: transport.mode,
    connected: () => transport.connected(),
    port: () => transport.port(),
    stop: () =>
      (stopping ??= (async () => {
        await transport.stop().catch((err: unknown) => logger.warn('slack transport did not stop cleanly', { err }));
        await boundary.drain(options.drainMs ?? 5_000);
        process.off('unhandledRejection', onUnhandled);
      })()),
  };
}

function describe(err: unknown): string {
  const data = (err as { data?: { error?: string } } | undefined)?.data;
  if (data?.error) return data.error;
  return err instanceof Error ? err.message : String(err);
}
