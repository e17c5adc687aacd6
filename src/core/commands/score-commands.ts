import type { Lang } from '../knowledge/types.js';
import { computeStats } from '../scores/stats.js';
import type { Command } from './types.js';
import { say } from '../i18n.js';

const WEEK_MS = 7 * 24 * 3600 * 1000;
const pct = (a: number, b: number) => (b === 0 ? '—' : `${Math.round((100 * a) / b)}%`);

export const leaderboardCommand: Command = {
  name: 'leaderboard',
  description: { en: 'Top scores in this server/workspace (quiz and daily answers)', zh: '本服务器/工作区的排行榜（测验和每日一题）' },
  options: [
    {
      name: 'period',
      type: 'string',
      description: { en: 'week (last 7 days, default) or all', zh: 'week（最近 7 天，默认）或 all（全部）' },
      choices: [
        { value: 'week', label: { en: 'Last 7 days', zh: '最近 7 天' } },
        { value: 'all', label: { en: 'All time', zh: '全部' } },
      ],
    },
  ],
  run(ctx, args) {
    const lang = ctx.lang;
    const all = args.period === 'all';
    const since = all ? undefined : new Date(ctx.services.clock.now().getTime() - WEEK_MS);
    const rows = ctx.services.store.leaderboard(ctx.workspaceId, since, 10);
    const medal = ['🥇', '🥈', '🥉'];
    const body =
      rows.length === 0
        ? say(lang, 'No answers yet. Start one with `/quiz`!', '还没有成绩，用 `/quiz` 开始一轮吧！')
        : rows.map((r, i) => `${medal[i] ?? `${i + 1}.`} ${r.userName} — ${r.correct} ${say(lang, 'correct', '题正确')} / ${r.answered} (${pct(r.correct, r.answered)})`).join('\n');
    return { cards: [{ title: say(lang, all ? '🏆 Leaderboard — all time' : '🏆 Leaderboard — last 7 days', all ? '🏆 排行榜 · 全部' : '🏆 排行榜 · 最近 7 天'), body, tone: 'info' }], buttons: [] };
  },
};

export const statsCommand: Command = {
  name: 'stats',
  description: { en: 'Your own accuracy by topic and your streaks (only you see it)', zh: '你的各主题正确率和连续答对记录（仅自己可见）' },
  options: [],
  run(ctx) {
    const lang = ctx.lang;
    const s = computeStats(ctx.services.store.userAnswerLog(ctx.workspaceId, ctx.user.id));
    const daily = ctx.services.store.getDailyStreak(ctx.channelId, ctx.user.id);
    if (s.answered === 0) return { text: say(lang, 'No answers from you yet. Try `/quiz` or today’s daily question.', '你还没有作答记录。试试 `/quiz` 或今天的每日一题。'), cards: [], buttons: [], ephemeral: true };
    const topics = s.byTopic.map((t) => `- ${t.topic}: ${t.correct}/${t.answered} (${pct(t.correct, t.answered)})`).join('\n');
    const body = say(
      lang,
      `**${s.correct}/${s.answered}** correct (${pct(s.correct, s.answered)})\nStreak: ${s.currentStreak} now, best ${s.bestStreak}${daily ? `\nDaily streak here: ${daily.current} now, best ${daily.best}` : ''}\n\n${topics}`,
      `**${s.correct}/${s.answered}** 正确（${pct(s.correct, s.answered)}）\n连续答对：当前 ${s.currentStreak}，最佳 ${s.bestStreak}${daily ? `\n本频道每日一题连续答对：当前 ${daily.current}，最佳 ${daily.best}` : ''}\n\n${topics}`,
    );
    return { cards: [{ title: say(lang, `📊 Stats for ${ctx.user.name}`, `📊 ${ctx.user.name} 的统计`), body, tone: 'info' }], buttons: [], ephemeral: true };
  },
};
