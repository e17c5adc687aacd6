import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';

/**
 * Bolt, its Web API client and the Socket Mode client log through this, so their lines join the
 * bot's JSON log (level-filtered there) instead of going to the console on their own.
 */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  const line = (msg: unknown[]) => {
    const errors = msg.filter((m): m is Error => m instanceof Error);
    const text = msg.filter((m) => !(m instanceof Error)).map((m) => (typeof m === 'string' ? m : safeJson(m))).join(' ');
    return { text: `slack: ${text || errors[0]?.message || ''}`.trim(), fields: errors.length > 0 ? { err: errors[0] } : undefined };
  };
  const at = (fn: (msg: string, fields?: Record<string, unknown>) => void) => (...msg: unknown[]) => {
    const { text, fields } = line(msg);
    fn(text, fields);
  };
  return {
    debug: at(logger.debug.bind(logger)),
    info: at(logger.info.bind(logger)),
    warn: at(logger.warn.bind(logger)),
    error: at(logger.error.bind(logger)),
    setLevel: (l) => (current = l),
    getLevel: () => current,
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
