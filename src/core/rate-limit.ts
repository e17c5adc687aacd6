import type { Clock } from './ports.js';

/**
 * Per-user sliding-window limits, in memory: the point is to keep one person (or a runaway
 * script) from flooding a channel, not to meter across processes.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: Record<string, { count: number; windowMs: number }>,
    private readonly clock: Clock,
  ) {}

  /** Records a use; returns seconds to wait when over the limit, else 0. */
  take(command: string, userId: string): number {
    const limit = this.limits[command];
    if (!limit || limit.count <= 0) return 0;
    const now = this.clock.now().getTime();
    const key = `${command}\u0000${userId}`;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - limit.windowMs);
    if (recent.length >= limit.count) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + limit.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    // Keep the map from growing without bound across many users.
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => t <= now - limit.windowMs)) this.hits.delete(k);
    return 0;
  }
}
