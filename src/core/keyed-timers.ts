import type { Clock, Timers } from './ports.js';

/**
 * Timers by name, at most one per name: re-arming replaces, and a fired timer forgets itself.
 * Quiz deadlines and daily reveals both need exactly this on top of the Timers port.
 */
export class KeyedTimers {
  private readonly handles = new Map<string, unknown>();

  constructor(
    private readonly timers: Timers,
    private readonly clock: Clock,
  ) {}

  /** Runs `fn` at `at` (at once if that has passed), replacing any timer of the same name. */
  at(key: string, at: Date, fn: () => void): void {
    this.clear(key);
    const handle = this.timers.set(() => {
      this.handles.delete(key);
      fn();
    }, at.getTime() - this.clock.now().getTime());
    this.handles.set(key, handle);
  }

  clear(key: string): void {
    const h = this.handles.get(key);
    if (h !== undefined) this.timers.clear(h);
    this.handles.delete(key);
  }

  clearPrefix(prefix: string): void {
    for (const key of [...this.handles.keys()]) if (key.startsWith(prefix)) this.clear(key);
  }

  clearAll(): void {
    this.clearPrefix('');
  }
}
