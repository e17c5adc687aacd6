import { pino, type Logger as Pino } from 'pino';
import type { LogFields, Logger } from '../core/ports.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Keys whose values must never reach a log line, however a caller names them. */
const SECRET_KEY = /token|secret|password|authorization|signature|cookie/i;
const SECRET_VALUE = /\b(xox[abprs]-[\w-]+|xapp-[\w-]+|[MN][A-Za-z\d_-]{23,25}\.[\w-]{6}\.[\w-]{27,})\b/g;

export function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (SECRET_KEY.test(k)) out[k] = '[redacted]';
    else if (v instanceof Error) out[k] = { type: v.name, message: scrub(v.message), stack: v.stack && scrub(v.stack) };
    else if (typeof v === 'string') out[k] = scrub(v);
    else out[k] = v;
  }
  return out;
}

/** Slack and Discord tokens have recognisable shapes: mask them even inside free text. */
function scrub(text: string): string {
  return text.replace(SECRET_VALUE, '[redacted]');
}

/**
 * Structured JSON logs on stderr (stdout stays clean for the console and piped output), or a
 * readable coloured form for development. The core only sees the small Logger port.
 */
export async function createLogger(level: LogLevel, format: 'json' | 'pretty', onError?: (msg: string) => void): Promise<Logger> {
  let base: Pino;
  if (format === 'pretty') {
    // Loaded only when asked for: it is a development convenience.
    const { default: pretty } = await import('pino-pretty');
    base = pino({ level }, pretty({ destination: 2, colorize: process.stderr.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
  } else {
    base = pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ dest: 2, sync: true }));
  }
  return fromPino(base, onError);
}

export function fromPino(base: Pino, onError?: (msg: string) => void): Logger {
  const at = (lvl: LogLevel) => (msg: string, fields: LogFields = {}) => {
    if (lvl === 'error') onError?.(msg);
    base[lvl](redact(fields), scrub(msg));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Plain JSON lines through a callback: for tests and tools that capture output. */
export function createJsonLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return fromPino(pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, { write }));
}
