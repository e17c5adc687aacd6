import type { Level } from '../knowledge/types.js';
import { DAYS_RE, TIME_RE, TIMEZONE_RE } from '../daily/schedule-spec.js';
import { levelOption, topicOption } from './options.js';
import type { Command } from './types.js';

export const dailyCommand: Command = {
  name: 'daily',
  description: { en: 'The daily question for this channel', zh: '本频道的每日一题' },
  subcommands: [
    {
      name: 'subscribe',
      admin: true,
      description: { en: 'Post a daily question here (admins)', zh: '在本频道订阅每日一题（管理员）' },
      options: [
        { name: 'time', type: 'string', pattern: TIME_RE, description: { en: 'Time of day, HH:MM (default from DAILY_CRON)', zh: '发布时间 HH:MM（默认取 DAILY_CRON）' } },
        { name: 'timezone', type: 'string', pattern: TIMEZONE_RE, description: { en: 'IANA time zone, e.g. Asia/Shanghai (default DAILY_TIMEZONE)', zh: 'IANA 时区，例如 Asia/Shanghai（默认 DAILY_TIMEZONE）' } },
        { name: 'days', type: 'string', pattern: DAYS_RE, description: { en: 'weekdays (default), daily, weekends or e.g. mon,wed,fri', zh: 'weekdays（默认）、daily、weekends 或 mon,wed,fri' } },
        topicOption,
        levelOption,
      ],
      run: (ctx, a) =>
        ctx.services.daily.subscribe(ctx, {
          time: a.time as string | undefined,
          timezone: a.timezone as string | undefined,
          days: a.days as string | undefined,
          topic: a.topic as string | undefined,
          level: a.level as Level | undefined,
        }),
    },
    { name: 'unsubscribe', admin: true, description: { en: 'Stop the daily question here (admins)', zh: '取消本频道的每日一题（管理员）' }, options: [], run: (ctx) => ctx.services.daily.unsubscribe(ctx) },
    { name: 'status', description: { en: 'Show this channel’s daily schedule', zh: '查看本频道的每日一题设置' }, options: [], run: (ctx) => ctx.services.daily.status(ctx) },
    { name: 'now', admin: true, description: { en: 'Post today’s question now, if not posted yet (admins)', zh: '立即发布今天的题目（若尚未发布，管理员）' }, options: [], run: (ctx) => ctx.services.daily.postNow(ctx) },
  ],
};
