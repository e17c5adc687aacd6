import { UserError } from '../errors.js';
import type { Lang } from '../knowledge/types.js';

const DAY_NAMES: Record<string, string> = { daily: '*', everyday: '*', weekdays: '1-5', workdays: '1-5', weekends: '0,6', weekend: '0,6' };
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;
export const DAYS_RE = /^(daily|everyday|weekdays|workdays|weekends?|((sun|mon|tue|wed|thu|fri|sat|[0-7])(-(sun|mon|tue|wed|thu|fri|sat|[0-7]))?)(,((sun|mon|tue|wed|thu|fri|sat|[0-7])(-(sun|mon|tue|wed|thu|fri|sat|[0-7]))?))*)$/i;
export const TIMEZONE_RE = /^(UTC|GMT|[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+)$/;

/** `09:30` + `mon-fri` → `30 9 * * 1-5`. */
export function cronFromSpec(time: string, days: string | undefined, lang: Lang): string {
  const m = TIME_RE.exec(time.trim());
  if (!m) throw new UserError(lang === 'zh' ? `时间 \`${time}\` 无效，请用 24 小时制 HH:MM，例如 09:30。` : `\`${time}\` is not a time; use 24-hour HH:MM, e.g. 09:30.`);
  const d = (days ?? 'weekdays').toLowerCase();
  if (!DAYS_RE.test(d)) throw new UserError(lang === 'zh' ? `日期 \`${days}\` 无效，可用 weekdays、daily、weekends 或 mon,wed,fri 这样的列表。` : `\`${days}\` is not a day list; use weekdays, daily, weekends or a list like mon,wed,fri.`);
  const dow = DAY_NAMES[d] ?? d.replace(/[a-z]{3}/g, (n) => String(DAYS.indexOf(n)));
  return `${Number(m[2])} ${Number(m[1])} * * ${dow}`;
}
