import { randomBytes } from 'node:crypto';
import cron, { type RunCoordinator, type ScheduledTask } from 'node-cron';
import type { DailyService } from '../core/daily/daily-service.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Store } from '../core/storage/store.js';

/**
 * Runs one node-cron task per subscribed channel, in the subscription's time zone.
 *
 * Several processes may share one database. Two things keep them from double-posting:
 * node-cron's distributed mode asks a run coordinator before each tick, and ours grants a
 * time-limited lease in the database, so one process runs a given tick; and whichever runs, the
 * post itself is claimed under UNIQUE (channel, local date), so a day can never get two.
 */
export class DailyScheduler {
  private readonly tasks = new Map<string, { task: ScheduledTask; spec: string }>();
  private readonly holder = `${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly coordinator: RunCoordinator;

  constructor(
    private readonly daily: DailyService,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.coordinator = { shouldRun: (key, ttlMs) => this.store.acquireLease(key, this.holder, ttlMs, this.clock.now()) };
    daily.onSubscriptionsChanged = () => this.sync();
  }

  /** Makes the running tasks match the subscriptions in the store. */
  sync(): void {
    const subs = new Map(this.store.listSubscriptions().map((s) => [s.channelId, s]));
    for (const [channel, t] of this.tasks) {
      const sub = subs.get(channel);
      if (!sub || `${sub.cron}|${sub.timezone}` !== t.spec) {
        void t.task.destroy();
        this.tasks.delete(channel);
      }
    }
    for (const sub of subs.values()) {
      if (this.tasks.has(sub.channelId)) continue;
      const task = cron.schedule(
        sub.cron,
        async () => {
          try {
            await this.daily.runScheduled(sub.channelId);
          } catch (err) {
            this.logger.error('daily post failed', { err, channel: sub.channelId });
          }
        },
        { timezone: sub.timezone, name: `daily:${sub.channelId}`, distributed: true, runCoordinator: this.coordinator, distributedLease: 10 * 60_000, noOverlap: true },
      );
      this.tasks.set(sub.channelId, { task, spec: `${sub.cron}|${sub.timezone}` });
    }
    this.logger.info('daily schedules', { channels: [...this.tasks.keys()] });
  }

  stop(): void {
    for (const t of this.tasks.values()) void t.task.destroy();
    this.tasks.clear();
  }
}
