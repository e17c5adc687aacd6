import { randomBytes } from 'node:crypto';
import type { ActionReply } from '../bot.js';
import type { CommandContext, Services } from '../commands/types.js';
import { UserError } from '../errors.js';
import type { Lang, Level } from '../knowledge/types.js';
import { textReply, type Reply } from '../reply.js';
import type { QuizQuestion, QuizRound } from '../storage/store.js';
import { isCorrect, LETTERS, pickQuestions, quizPool } from './pick.js';
import { renderClosedQuestion, renderOpenQuestion, type QuestionView } from './render.js';
import { say } from '../i18n.js';
import { KeyedTimers } from '../keyed-timers.js';

const START_DELAY_MS = 1500;

export const QUIZ_LIMITS = { maxCount: 20, defaultCount: 5, minSeconds: 10, maxSeconds: 600 } as const;

/** quiz:a:<round>:<idx>:<choice> answers, quiz:r:<round>:<idx> reveals, quiz:s:<round> stops. */
const quizAction = {
  answer: (round: string, idx: number, choice: number) => `quiz:a:${round}:${idx}:${choice}`,
  reveal: (round: string, idx: number) => `quiz:r:${round}:${idx}`,
  stop: (round: string) => `quiz:s:${round}`,
};

export interface StartOptions {
  topic?: string;
  level?: Level;
  count?: number;
  seconds?: number;
  lang: Lang;
}


/**
 * Quiz rounds: one per channel, questions posted one at a time, every participant's first answer
 * counts, a question closes when its time is up or the starter reveals it. State lives in the
 * store, so a restart (or a second process) picks a round up where it was.
 */
export class QuizService {
  private readonly timers: KeyedTimers;

  constructor(private readonly s: Services) {
    this.timers = new KeyedTimers(s.timers, s.clock);
  }

  async start(ctx: CommandContext, opts: StartOptions): Promise<Reply> {
    const { store, clock, kb, random } = this.s;
    const lang = opts.lang;
    const count = opts.count ?? QUIZ_LIMITS.defaultCount;
    const seconds = opts.seconds ?? this.s.settings.quizSeconds;
    if (opts.topic && !kb.topics.some((t) => t.id === opts.topic)) {
      throw new UserError(say(lang, `There is no topic \`${opts.topic}\`. Topics: ${kb.topics.map((t) => t.id).join(', ')}.`, `没有主题 \`${opts.topic}\`。可选主题：${kb.topics.map((t) => t.id).join(', ')}。`));
    }
    const pool = quizPool(kb.entries, opts);
    if (pool.length === 0) throw new UserError(say(lang, 'There are no quiz questions for that topic and level yet.', '这个主题和难度下还没有测验题。'));
    const running = store.runningRoundIn(ctx.channelId);
    if (running) throw new UserError(alreadyRunning(lang, running));

    const picked = pickQuestions(pool, count, random);
    const round: QuizRound = {
      id: randomBytes(6).toString('base64url'),
      workspaceId: ctx.workspaceId,
      channelId: ctx.channelId,
      startedBy: ctx.user.id,
      lang,
      topic: opts.topic,
      level: opts.level,
      seconds,
      total: picked.length,
      current: 0,
      status: 'running',
      createdAt: clock.now(),
    };
    const questions: QuizQuestion[] = picked.map((p, idx) => ({ roundId: round.id, idx, entryId: p.entry.id, quizIndex: p.quizIndex, optionOrder: p.optionOrder }));
    // The database decides races: two "/quiz" at once in one channel, even from two processes.
    if (!store.createRound(round, questions)) throw new UserError(alreadyRunning(lang, store.runningRoundIn(ctx.channelId)));
    this.s.logger.info('quiz started', { round: round.id, channel: ctx.channelId, total: round.total, seconds });

    const scope = [opts.topic ? (kb.topics.find((t) => t.id === opts.topic)?.title[lang] ?? opts.topic) : say(lang, 'all topics', '全部主题'), opts.level ?? say(lang, 'all levels', '全部难度')].join(' · ');
    const intro = say(
      lang,
      `🧠 **Quiz** started by ${ctx.user.name}: ${round.total} question(s) (${scope}), ${seconds} s each. Answer with the buttons — your first answer counts.`,
      `🧠 **测验**由 ${ctx.user.name} 发起：共 ${round.total} 题（${scope}），每题 ${seconds} 秒。点击按钮作答，以第一次作答为准。`,
    );
    // The intro is the command's own reply; the first question follows it a moment later, so it
    // never overtakes the intro on a platform that delivers the two separately.
    this.timers.at(`${round.id}:start`, new Date(clock.now().getTime() + START_DELAY_MS), () => {
      this.postQuestion(round, 0).catch((err: unknown) => this.s.logger.error('quiz post failed', { err, round: round.id }));
    });
    return { text: intro, cards: [], buttons: [] };
  }

  /** `/quiz stop`: the starter or an admin ends the round in this channel. */
  async stop(ctx: CommandContext, lang: Lang): Promise<Reply> {
    const round = this.s.store.runningRoundIn(ctx.channelId);
    if (!round) return textReply(say(lang, 'No quiz is running in this channel.', '这个频道没有进行中的测验。'), { ephemeral: true });
    if (round.startedBy !== ctx.user.id && !ctx.isAdmin) return textReply(say(lang, 'Only the person who started the quiz (or an admin) can stop it.', '只有发起人或管理员可以结束测验。'), { ephemeral: true });
    await this.closeQuestion(round.id, round.current, { finish: true });
    return textReply(say(lang, '⏹️ Quiz stopped.', '⏹️ 测验已结束。'));
  }

  /** Handles quiz:* button clicks; undefined for other actions. */
  async handleAction(ctx: CommandContext, action: string): Promise<ActionReply | undefined> {
    const m = /^quiz:(a|r|s):([A-Za-z0-9_-]{1,20})(?::(\d{1,2}))?(?::(\d))?$/.exec(action);
    if (!action.startsWith('quiz:')) return undefined;
    const ended = (lang: Lang): ActionReply => ({ reply: textReply(say(lang, 'This round has ended.', '这一轮测验已经结束了。'), { ephemeral: true }), mode: 'ephemeral' });
    if (!m) return ended(ctx.lang);
    const [, kind, roundId, idxText, choiceText] = m;
    const round = this.s.store.getRound(roundId!);
    if (!round || round.status !== 'running') return ended(round?.lang ?? ctx.lang);
    const lang = round.lang;
    const idx = idxText === undefined ? round.current : Number(idxText);

    if (kind === 's' || kind === 'r') {
      if (round.startedBy !== ctx.user.id && !ctx.isAdmin) {
        return { reply: textReply(say(lang, 'Only the person who started the quiz (or an admin) can do that.', '只有发起人或管理员可以这样做。'), { ephemeral: true }), mode: 'ephemeral' };
      }
      if (idx !== round.current) return ended(lang);
      await this.closeQuestion(round.id, idx, { finish: kind === 's' });
      return { reply: textReply(kind === 's' ? say(lang, '⏹️ Quiz stopped.', '⏹️ 测验已结束。') : say(lang, 'Revealed.', '已公布答案。'), { ephemeral: true }), mode: 'ephemeral' };
    }

    const q = this.s.store.getQuestion(round.id, idx);
    const now = this.s.clock.now();
    const choice = Number(choiceText);
    if (!q || idx !== round.current || q.closedAt || (q.deadlineAt && now > q.deadlineAt) || !(choice < q.optionOrder.length)) {
      return { reply: textReply(say(lang, 'This question is closed.', '这道题已经截止了。'), { ephemeral: true }), mode: 'ephemeral' };
    }
    const entry = this.s.kb.byId.get(q.entryId);
    if (!entry) return ended(lang);
    const first = this.s.store.recordQuizAnswer(round.id, idx, {
      userId: ctx.user.id,
      userName: ctx.user.name,
      choice,
      correct: isCorrect(entry, q.quizIndex, q.optionOrder, choice),
      answeredAt: now,
    });
    if (first) this.s.metrics.answerRecorded('quiz');
    const text = first
      ? say(lang, `Got it: **${LETTERS[choice]}**. The answer is revealed when time is up.`, `已记录你的答案：**${LETTERS[choice]}**。时间到后公布答案。`)
      : say(lang, 'You already answered this one — your first answer counts.', '你已经答过这题了，以第一次作答为准。');
    return { reply: textReply(text, { ephemeral: true }), mode: 'ephemeral' };
  }

  /** After a restart: re-arm timers, close overdue questions, post questions that never went out. */
  async recover(): Promise<void> {
    for (const round of this.s.store.runningRounds()) {
      const q = this.s.store.getQuestion(round.id, round.current);
      if (!q) {
        this.s.store.finishRound(round.id, this.s.clock.now());
        continue;
      }
      if (!q.postedAt || !q.deadlineAt) await this.postQuestion(round, round.current);
      else if (!q.closedAt) this.arm(round.id, round.current, q.deadlineAt);
      else await this.advance(round, round.current);
    }
  }

  stopTimers(): void {
    this.timers.clearAll();
  }

  private view(round: QuizRound, q: QuizQuestion): QuestionView | undefined {
    const entry = this.s.kb.byId.get(q.entryId);
    if (!entry || !entry.quiz[q.quizIndex]) return undefined;
    const lang = round.lang;
    return {
      entry,
      quizIndex: q.quizIndex,
      optionOrder: q.optionOrder,
      lang,
      heading: say(lang, `Question ${q.idx + 1}/${round.total}`, `第 ${q.idx + 1}/${round.total} 题`),
      answerAction: (i) => quizAction.answer(round.id, q.idx, i),
      extra: [
        { action: quizAction.reveal(round.id, q.idx), label: say(lang, 'Reveal now', '立即公布'), style: 'secondary' },
        { action: quizAction.stop(round.id), label: say(lang, 'Stop quiz', '结束测验'), style: 'danger' },
      ],
      footer: say(lang, `${round.seconds} s · topic: ${entry.topic} · ${entry.level}`, `${round.seconds} 秒 · 主题：${entry.topic} · ${entry.level}`),
    };
  }

  private async postQuestion(round: QuizRound, idx: number): Promise<void> {
    const q = this.s.store.getQuestion(round.id, idx);
    const view = q && this.view(round, q);
    if (!q || !view) {
      // The entry vanished from the knowledge base since the round began: skip it.
      await this.advance(round, idx);
      return;
    }
    this.s.store.setRoundCurrent(round.id, idx);
    let ref: string | undefined;
    try {
      ref = await this.s.chat.post(round.channelId, renderOpenQuestion(view));
    } catch (err) {
      // The bot cannot post here (not invited to a private channel, permissions changed). A round
      // nobody can see must not hold the channel: end it, so the next /quiz is not refused.
      this.s.logger.warn('quiz question could not be posted; ending the round', { err, round: round.id, channel: round.channelId });
      await this.finish(round);
      return;
    }
    const postedAt = this.s.clock.now();
    const deadline = new Date(postedAt.getTime() + round.seconds * 1000);
    this.s.store.markQuestionPosted(round.id, idx, postedAt, deadline, ref);
    this.arm(round.id, idx, deadline);
  }

  private arm(roundId: string, idx: number, deadline: Date): void {
    this.timers.at(`${roundId}:${idx}`, deadline, () => {
      this.closeQuestion(roundId, idx).catch((err: unknown) => this.s.logger.error('quiz close failed', { err, round: roundId }));
    });
  }

  /** Closes a question once (whoever calls first wins), shows the result, then moves on. */
  async closeQuestion(roundId: string, idx: number, opts: { finish?: boolean } = {}): Promise<void> {
    const { store, clock } = this.s;
    const round = store.getRound(roundId);
    if (!round || round.status !== 'running') return;
    this.timers.clear(`${roundId}:${idx}`);
    const q = store.getQuestion(roundId, idx);
    if (q && store.closeQuestion(roundId, idx, clock.now())) {
      const answers = store.questionAnswers(roundId, idx);
      const view = this.view(round, q);
      if (view) {
        store.logAnswers(answers.map((a) => ({ workspaceId: round.workspaceId, userId: a.userId, userName: a.userName, kind: 'quiz', entryId: view.entry.id, topic: view.entry.topic, correct: a.correct, at: a.answeredAt })));
        await this.deliver('quiz reveal', () => {
          const closed = renderClosedQuestion(view, answers);
          return q.messageRef ? this.s.chat.edit(q.messageRef, closed) : this.s.chat.post(round.channelId, closed);
        });
      }
    } else if (!opts.finish) return;
    if (opts.finish) await this.finish(round);
    else await this.advance(round, idx);
  }

  private async advance(round: QuizRound, idx: number): Promise<void> {
    if (idx + 1 < round.total) await this.postQuestion(round, idx + 1);
    else await this.finish(round);
  }

  private async finish(round: QuizRound): Promise<void> {
    if (!this.s.store.finishRound(round.id, this.s.clock.now())) return;
    this.timers.clearPrefix(`${round.id}:`);
    await this.deliver('quiz summary', () => this.s.chat.post(round.channelId, this.summary(round)));
    this.s.logger.info('quiz finished', { round: round.id });
  }

  /** A failed post must not stop the round's state from moving on: log it and carry on. */
  private async deliver(what: string, send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (err) {
      this.s.logger.warn(`${what} could not be delivered`, { err });
    }
  }

  private summary(round: QuizRound): Reply {
    const lang = round.lang;
    const byUser = new Map<string, { name: string; right: number; answered: number }>();
    for (const a of this.s.store.roundAnswers(round.id)) {
      const u = byUser.get(a.userId) ?? { name: a.userName, right: 0, answered: 0 };
      u.answered++;
      if (a.correct) u.right++;
      byUser.set(a.userId, u);
    }
    const ranked = [...byUser.values()].sort((a, b) => b.right - a.right || a.answered - b.answered || a.name.localeCompare(b.name));
    const medal = ['🥇', '🥈', '🥉'];
    const lines = ranked.map((u, i) => `${(u.right > 0 && medal[i]) || `${i + 1}.`} ${u.name} — ${u.right}/${round.total}`);
    return {
      cards: [
        {
          title: say(lang, '🏁 Quiz over', '🏁 测验结束'),
          body: lines.length > 0 ? lines.join('\n') : say(lang, 'Nobody answered this time.', '这次没有人作答。'),
          footer: say(lang, 'Scores count towards /leaderboard.', '成绩计入 /leaderboard 排行榜。'),
          tone: 'success',
        },
      ],
      buttons: [],
    };
  }
}

function alreadyRunning(lang: Lang, round: QuizRound | undefined): string {
  const where = round ? say(lang, ` (question ${round.current + 1}/${round.total})`, `（第 ${round.current + 1}/${round.total} 题）`) : '';
  return say(lang, `A quiz is already running in this channel${where}. Wait for it to finish, or use \`/quiz stop\`.`, `这个频道已经有一轮测验在进行${where}，请等它结束或使用 \`/quiz stop\`。`);
}
