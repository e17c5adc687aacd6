import type { App } from '../app/create-app.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../core/ports.js';

/**
 * A running platform adapter. `start*` functions connect, register the adapter's ChatPort on
 * `app.chat` under its platform prefix, and resolve once the platform accepted the connection.
 */
export interface RunningAdapter {
  platform: 'discord' | 'slack';
  /** Whether the platform connection is up right now (for /readyz and metrics). */
  connected(): boolean;
  /** Stop taking new events, let replies in flight finish, close connections. */
  stop(): Promise<void>;
}

export type StartAdapter = (app: App, config: Config, logger: Logger) => Promise<RunningAdapter>;
