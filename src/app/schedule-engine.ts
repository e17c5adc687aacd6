import cron, { type ScheduledTask } from 'node-cron';
import type { ScheduleEngine } from '../core/daily/daily-service.js';

/** node-cron's own parser and matcher, so firing and catch-up agree on what an expression means. */
export function nodeCronEngine(): ScheduleEngine {
  const tasks = new Map<string, ScheduledTask>();
  const task = (expr: string, timezone: string) => {
    const key = `${expr}|${timezone}`;
    let t = tasks.get(key);
    if (!t) {
      // Created, never started: used only for match().
      t = cron.createTask(expr, () => {}, { timezone });
      tasks.set(key, t);
    }
    return t;
  };
  return {
    validate(expr) {
      const v = cron.validateDetailed(expr);
      return v.valid ? undefined : v.errors.map((e) => e.message).join('; ');
    },
    matches: (expr, timezone, at) => task(expr, timezone).match(at),
    nextRun(expr, timezone, after) {
      const t = task(expr, timezone);
      const start = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
      for (let i = 0; i < 8 * 24 * 60; i++) {
        const at = new Date(start + i * 60_000);
        if (t.match(at)) return at;
      }
      return undefined;
    },
  };
}
