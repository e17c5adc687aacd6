import { randomBytes } from 'node:crypto';
import type { ActionReply } from '../bot.js';
import type { CommandContext, Services } from '../commands/types.js';
import { UserError } from '../errors.js';
import type { Entry, Lang, Level } from '../knowledge/types.js';
import { isCorrect, LETTERS, pickQuestion, quizPool } from '../quiz/pick.js';
import { renderClosedQuestion, renderOpenQuestion, type QuestionView } from '../quiz/render.js';
import { textReply, type Reply } from '../reply.js';
import type { DailyPost, DailySubscription } from '../storage/store.js';
import { cronFromSpec } from './schedule-spec.js';
import { firedEarlierToday, isValidTimeZone, localDate } from './time.js';
import { say } from '../i18n.js';
import { KeyedTimers } from '../keyed-timers.js';

/** Evaluates cron expressions; the app passes node-cron's, so there is one cron implementation. */
export interface ScheduleEngine {
  validate(cron: string): string | undefined;
  matches(cron: string, timeZone: string, at: Date): boolean;
  nextRun(cron: string, timeZone: string, after: Date): Date | undefined;
}

/** A claim older than this whose post never went out is taken over (its poster died). */
const STALE_CLAIM_MS = 2 * 60_000;


export interface SubscribeOptions {
  time?: string;
  timezone?: string;
  days?: string;
  topic?: string;
  level?: Level;
}

/**
 * The daily question: at most one post per channel per local calendar day (the store's unique
 * key enforces it across restarts and processes), answers until the reveal, then the answer,
 * the explanation, who was right and streaks, in a thread where the platform has threads.
 */
export class DailyService {
  private readonly timers: KeyedTimers;
  /** Set by the scheduler so it re-reads subscriptions after a change. */
  onSubscriptionsChanged: () => void = () => {};

  constructor(
    private readonly s: Services,
    private readonly schedules: ScheduleEngine,
  ) {
    this.timers = new KeyedTimers(s.timers, s.clock);
  }

  subscribe(ctx: CommandContext, o: SubscribeOptions): Reply {
    const lang = ctx.lang;
    const timezone = o.timezone ?? this.s.settings.dailyTimezone;
    if (!isValidTimeZone(timezone)) throw new UserError(say(lang, `\`${timezone}\` is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin, UTC).`, `\`${timezone}\` 不是有效的 IANA 时区（例如 Asia/Shanghai、UTC）。`));
    if (o.topic && !this.s.kb.topics.some((t) => t.id === o.topic)) throw new UserError(say(lang, `There is no topic \`${o.topic}\`.`, `没有主题 \`${o.topic}\`。`));
    if (quizPool(this.s.kb.entries, o).length === 0) throw new UserError(say(lang, 'There are no questions for that topic and level.', '这个主题和难度下没有题目。'));
    const cron = o.time ? cronFromSpec(o.time, o.days, lang) : o.days ? cronFromSpec('09:00', o.days, lang) : this.s.settings.dailyCron;
    const sub: DailySubscription = {
      channelId: ctx.channelId,
      workspaceId: ctx.workspaceId,
      cron,
      timezone,
      topic: o.topic,
      level: o.level,
      source: 'command',
      createdBy: ctx.user.id,
      createdAt: this.s.clock.now(),
    };
    this.s.store.upsertSubscription(sub);
    this.onSubscriptionsChanged();
    return textReply(say(lang, `✅ Subscribed. ${this.describe(sub, lang)}`, `✅ 已订阅。${this.describe(sub, lang)}`));
  }

  unsubscribe(ctx: CommandContext): Reply {
    const removed = this.s.store.deleteSubscription(ctx.channelId);
    if (removed) this.onSubscriptionsChanged();
    return textReply(removed ? say(ctx.lang, 'Unsubscribed: no more daily questions here.', '已取消订阅，本频道不再推送每日一题。') : say(ctx.lang, 'This channel is not subscribed.', '本频道没有订阅每日一题。'));
  }

  status(ctx: CommandContext): Reply {
    const lang = ctx.lang;
    const sub = this.s.store.getSubscription(ctx.channelId);
    if (!sub) return textReply(say(lang, 'This channel is not subscribed. An admin can run `/daily subscribe`.', '本频道没有订阅。管理员可以使用 `/daily subscribe`。'));
    const today = localDate(this.s.clock.now(), sub.timezone);
    const post = this.s.store.dailyPostOn(sub.channelId, today);
    const todayLine = post?.postedAt
      ? say(lang, `Today's question (${today}) is posted${post.revealedAt ? ' and revealed' : ''}.`, `今天（${today}）的题目已发布${post.revealedAt ? '并已公布答案' : ''}。`)
      : say(lang, `Today's question (${today}) has not been posted yet.`, `今天（${today}）的题目尚未发布。`);
    return { cards: [{ title: say(lang, '📅 Daily question', '📅 每日一题'), body: `${this.describe(sub, lang)}\n${todayLine}`, tone: 'info' }], buttons: [] };
  }

  private describe(sub: DailySubscription, lang: Lang): string {
    const next = this.schedules.nextRun(sub.cron, sub.timezone, this.s.clock.now());
    const scope = [sub.topic ?? say(lang, 'all topics', '全部主题'), sub.level ?? say(lang, 'all levels', '全部难度')].join(' · ');
    const nextText = next ? next.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—';
    return say(lang, `Schedule \`${sub.cron}\` (${sub.timezone}), ${scope}; next post ${nextText}.`, `时间表 \`${sub.cron}\`（${sub.timezone}），${scope}；下一次发布：${nextText}。`);
  }

  /** `/daily now`: today's question right away, unless the channel already had one today. */
  async postNow(ctx: CommandContext): Promise<Reply> {
    const lang = ctx.lang;
    const sub = this.s.store.getSubscription(ctx.channelId) ?? {
      channelId: ctx.channelId,
      workspaceId: ctx.workspaceId,
      cron: this.s.settings.dailyCron,
      timezone: this.s.settings.dailyTimezone,
      source: 'command' as const,
      createdBy: ctx.user.id,
      createdAt: this.s.clock.now(),
    };
    const result = await this.postToday(sub, lang);
    if (result === 'posted') return textReply(say(lang, '📅 Posted today’s question.', '📅 已发布今天的题目。'), { ephemeral: true });
    return textReply(say(lang, 'This channel already has today’s question — one a day keeps it special. Try `/quiz` for more.', '本频道今天已经发过每日一题了。想多练习可以用 `/quiz`。'), { ephemeral: true });
  }

  /** Called by the scheduler on each tick of a subscription. */
  async runScheduled(channelId: string): Promise<void> {
    const sub = this.s.store.getSubscription(channelId);
    if (sub) await this.postToday(sub, this.s.settings.dailyLang);
  }

  /**
   * Posts the channel's question for today in its time zone, at most once. Returns 'posted', or
   * 'exists' when the day already has one (or another process is posting it right now).
   */
  async postToday(sub: DailySubscription, lang: Lang): Promise<'posted' | 'exists'> {
    const { store, clock } = this.s;
    const now = clock.now();
    const day = localDate(now, sub.timezone);
    let post = store.dailyPostOn(sub.channelId, day);
    if (post) {
      if (post.postedAt || !store.reclaimDailyPost(post.id, new Date(now.getTime() - STALE_CLAIM_MS), now)) return 'exists';
    } else {
      const entry = this.pickEntry(sub);
      if (!entry) return 'exists';
      const picked = pickQuestion(entry, this.s.random);
      post = {
        id: randomBytes(6).toString('base64url'),
        channelId: sub.channelId,
        workspaceId: sub.workspaceId,
        localDate: day,
        lang,
        entryId: entry.id,
        quizIndex: picked.quizIndex,
        optionOrder: picked.optionOrder,
        claimedAt: now,
      };
      if (!store.claimDailyPost(post)) return 'exists';
    }
    // "Answers count until the reveal or the next post": close yesterday's first.
    for (const old of store.unrevealedDailyPosts()) if (old.channelId === sub.channelId && old.id !== post.id) await this.reveal(old.id);

    const view = this.view(post);
    if (!view) return 'exists';
    const ref = await this.s.chat.post(post.channelId, renderOpenQuestion(view));
    const revealAt = new Date(clock.now().getTime() + this.s.settings.dailyRevealAfterMs);
    store.markDailyPosted(post.id, clock.now(), revealAt, ref);
    this.arm(post.id, revealAt);
    this.s.metrics.dailyPosted();
    this.s.logger.info('daily posted', { channel: post.channelId, day, entry: post.entryId });
    return 'posted';
  }

  /** No entry repeats in a channel until the pool is used up; then a new cycle starts. */
  private pickEntry(sub: DailySubscription): Entry | undefined {
    const pool = quizPool(this.s.kb.entries, sub);
    if (pool.length === 0) return undefined;
    const poolIds = new Set(pool.map((e) => e.id));
    let cycle = new Set<string>();
    let last: string | undefined;
    for (const p of this.s.store.dailyPostsIn(sub.channelId)) {
      if (!poolIds.has(p.entryId)) continue;
      cycle.add(p.entryId);
      last = p.entryId;
      if (cycle.size === poolIds.size) cycle = new Set();
    }
    // Never the same question two days running, even across a cycle boundary.
    const fresh = pool.filter((e) => !cycle.has(e.id) && (pool.length === 1 || e.id !== last));
    return fresh[Math.floor(this.s.random() * fresh.length)];
  }

  private view(post: DailyPost): QuestionView | undefined {
    const entry = this.s.kb.byId.get(post.entryId);
    if (!entry || !entry.quiz[post.quizIndex]) return undefined;
    const lang = post.lang;
    return {
      entry,
      quizIndex: post.quizIndex,
      optionOrder: post.optionOrder,
      lang,
      heading: say(lang, `📅 Daily question · ${post.localDate}`, `📅 每日一题 · ${post.localDate}`),
      answerAction: (i) => `daily:a:${post.id}:${i}`,
      footer: say(lang, `${entry.topic} · ${entry.level} · answers count until the reveal`, `${entry.topic} · ${entry.level} · 公布答案前作答有效`),
    };
  }

  async handleAction(ctx: CommandContext, action: string): Promise<ActionReply | undefined> {
    if (!action.startsWith('daily:')) return undefined;
    const m = /^daily:a:([A-Za-z0-9_-]{1,20}):(\d)$/.exec(action);
    const post = m ? this.s.store.getDailyPost(m[1]!) : undefined;
    const lang = post?.lang ?? ctx.lang;
    const reply = (text: string): ActionReply => ({ reply: textReply(text, { ephemeral: true }), mode: 'ephemeral' });
    if (!m || !post) return reply(say(lang, 'This daily question has ended.', '这道每日一题已经结束了。'));
    if (post.revealedAt) return reply(say(lang, 'The answer has already been revealed — see the thread.', '答案已经公布了，请查看讨论串。'));
    const entry = this.s.kb.byId.get(post.entryId);
    const choice = Number(m[2]);
    if (!entry || !(choice < post.optionOrder.length)) return reply(say(lang, 'This daily question has ended.', '这道每日一题已经结束了。'));
    const first = this.s.store.recordDailyAnswer(post.id, {
      userId: ctx.user.id,
      userName: ctx.user.name,
      choice,
      correct: isCorrect(entry, post.quizIndex, post.optionOrder, choice),
      answeredAt: this.s.clock.now(),
    });
    if (first) this.s.metrics.answerRecorded('daily');
    return reply(
      first
        ? say(lang, `Got it: **${LETTERS[choice]}**. The answer is revealed later today.`, `已记录：**${LETTERS[choice]}**。稍后公布答案。`)
        : say(lang, 'You already answered today’s question — your first answer counts.', '你已经回答过今天的题目了，以第一次作答为准。'),
    );
  }

  /** Reveals once: closes the buttons, posts the answer and results, updates streaks. */
  async reveal(postId: string): Promise<void> {
    const { store, clock } = this.s;
    const post = store.getDailyPost(postId);
    this.timers.clear(postId);
    if (!post || !post.postedAt || !store.markDailyRevealed(postId, clock.now())) return;
    const view = this.view(post);
    if (!view) return;
    const answers = store.dailyAnswers(postId);
    store.logAnswers(answers.map((a) => ({ workspaceId: post.workspaceId, userId: a.userId, userName: a.userName, kind: 'daily', entryId: post.entryId, topic: view.entry.topic, correct: a.correct, at: a.answeredAt })));

    const previous = store.dailyPostsIn(post.channelId).filter((p) => p.localDate < post.localDate).pop();
    const streakLines: string[] = [];
    for (const a of answers) {
      const prev = store.getDailyStreak(post.channelId, a.userId);
      const continues = prev !== undefined && previous !== undefined && prev.lastPostId === previous.id && prev.current > 0;
      const current = a.correct ? (continues ? prev.current + 1 : 1) : 0;
      const best = Math.max(prev?.best ?? 0, current);
      store.setDailyStreak(post.channelId, a.userId, { current, best, lastPostId: post.id });
      if (current >= 2) streakLines.push(say(post.lang, `🔥 ${a.userName}: ${current} days in a row`, `🔥 ${a.userName}：连续答对 ${current} 天`));
    }
    const closed = renderClosedQuestion(view, answers);
    if (streakLines.length > 0) closed.cards[0]!.sections!.push({ heading: say(post.lang, 'Streaks', '连续答对'), body: streakLines.join('\n') });
    if (post.messageRef) {
      await this.s.chat.edit(post.messageRef, { ...closed, cards: [{ ...closed.cards[0]!, sections: [] }] });
      await this.s.chat.post(post.channelId, { ...closed, buttons: [] }, { threadOf: post.messageRef });
    } else await this.s.chat.post(post.channelId, closed);
    this.s.logger.info('daily revealed', { channel: post.channelId, day: post.localDate, answers: answers.length });
  }

  /**
   * At start-up: reveal what is overdue, re-arm pending reveals, and make today's post for any
   * subscription whose time already passed today while the bot was down.
   */
  async recover(): Promise<void> {
    const now = this.s.clock.now();
    for (const post of this.s.store.unrevealedDailyPosts()) {
      if (post.revealAt && post.revealAt <= now) await this.reveal(post.id);
      else if (post.revealAt) this.arm(post.id, post.revealAt);
    }
    for (const sub of this.s.store.listSubscriptions()) {
      if (firedEarlierToday(now, sub.timezone, (at) => this.schedules.matches(sub.cron, sub.timezone, at))) await this.postToday(sub, this.s.settings.dailyLang);
    }
  }

  stopTimers(): void {
    this.timers.clearAll();
  }

  private arm(postId: string, at: Date): void {
    this.timers.at(postId, at, () => {
      this.reveal(postId).catch((err: unknown) => this.s.logger.error('daily reveal failed', { err, post: postId }));
    });
  }
}
