import type { App } from '../../app/create-app.js';
import type { CommandContext } from '../../core/commands/types.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { Lang } from '../../core/knowledge/types.js';
import type { Logger } from '../../core/ports.js';
import { textReply, type Reply } from '../../core/reply.js';
import { slackContext, type SlackOrigin } from './context.js';
import type { SlackUserDirectory } from './users.js';

export interface SlackEvent extends SlackOrigin {
  /** For the log: command, mention, dm, action, home. */
  kind: string;
  /** Shows a reply to this user alone (ephemeral where Slack allows): how failures are reported. */
  notify(reply: Reply): Promise<void>;
}

/**
 * The adapter's one error boundary. Every incoming event runs through `run`: a UserError becomes
 * a polite private reply, anything else the generic apology plus a log line, and nothing escapes
 * to Bolt or the process. It also counts the work in flight, so stopping can wait for it.
 */
export class SlackBoundary {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly app: App,
    private readonly users: SlackUserDirectory,
    private readonly logger: Logger,
  ) {}

  run(event: SlackEvent, work: (ctx: CommandContext) => Promise<void>): Promise<void> {
    const job = this.guard(event, work).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
    return job;
  }

  private async guard(event: SlackEvent, work: (ctx: CommandContext) => Promise<void>): Promise<void> {
    let lang: Lang = this.app.config.defaultLang;
    try {
      const ctx = await slackContext(this.app, this.users, event);
      lang = ctx.lang;
      await work(ctx);
    } catch (err) {
      const known = err instanceof UserError;
      if (!known) this.logger.error('slack handler failed', { err, kind: event.kind, user: event.userId, channel: event.channelId });
      try {
        await event.notify(textReply(known ? err.message : t(lang, 'internalError'), { ephemeral: true }));
      } catch (notifyErr) {
        this.logger.error('slack error reply failed', { err: notifyErr, kind: event.kind, channel: event.channelId });
      }
    }
  }

  /** Waits for handlers still running (bounded: a stuck Slack call must not block shutdown). */
  async drain(timeoutMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.inFlight]), timeout]);
    clearTimeout(timer);
  }
}
