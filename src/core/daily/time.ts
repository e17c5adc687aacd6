/** Calendar arithmetic in IANA time zones, with Intl only (no date library). */

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  hour: number;
  minute: number;
}

export function localParts(at: Date, timeZone: string): LocalParts {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
}

/** The calendar date at `at` in `timeZone`, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  return localParts(at, timeZone).date;
}

/**
 * Whether a schedule fired between local midnight and `now` (inclusive) on `now`'s local date.
 * Walks back minute by minute over real instants, so DST gaps and repeated hours count right.
 */
export function firedEarlierToday(now: Date, timeZone: string, matches: (at: Date) => boolean): boolean {
  const today = localDate(now, timeZone);
  const start = Math.floor(now.getTime() / 60_000) * 60_000;
  for (let t = start, i = 0; i < 26 * 60; t -= 60_000, i++) {
    const at = new Date(t);
    if (localDate(at, timeZone) !== today) return false;
    if (matches(at)) return true;
  }
  return false;
}
