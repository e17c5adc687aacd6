import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { bot, testContext, testServices, type TestServices } from '../helpers.js';

const alice = { id: 'u1', name: 'alice' };
const bob = { id: 'u2', name: 'bob' };

function answerButtons(s: TestServices) {
  const q = s.chat.last()!;
  return q.buttons[0]!.map((b) => b.action);
}

/** The shown position of the right answer, read from the closed question the bot posted. */
function rightLetter(s: TestServices): string {
  const closed = s.chat.edits.at(-1)!.reply;
  return /Answer: ([A-D])/.exec(closed.cards[0]!.sections![0]!.heading)![1]!;
}

describe('quiz rounds', () => {
  it('runs a round answered by two users: first answers count, reveal, next question, summary, scores', async () => {
    const s = testServices();
    const b = bot();
    const intro = await b.handleText(testContext(s, { user: alice }), '/quiz count:2 seconds:20');
    expect(intro.text).toMatch(/2 question\(s\).*20 s each/);
    expect(s.chat.posts).toHaveLength(0);
    await s.timers.advance(1500);
    expect(s.chat.posts).toHaveLength(1);
    const [a0, a1] = answerButtons(s);

    const r1 = await b.handleAction(testContext(s, { user: alice }), a0!);
    expect(r1.mode).toBe('ephemeral');
    expect(r1.reply.text).toMatch(/Got it: \*\*A\*\*/);
    const again = await b.handleAction(testContext(s, { user: alice }), a1!);
    expect(again.reply.text).toMatch(/first answer counts/);
    await b.handleAction(testContext(s, { user: bob }), a1!);

    await s.timers.advance(20_000);
    const closed = s.chat.edits[0]!;
    expect(closed.ref).toBe(s.chat.posts[0]!.ref);
    expect(closed.reply.buttons.flat().every((x) => x.disabled)).toBe(true);
    const right = rightLetter(s);
    const results = closed.reply.cards[0]!.sections![1]!.body;
    expect(results).toMatch(/2/);
    if (right === 'A') expect(results).toContain('alice');
    if (right === 'B') expect(results).toContain('bob');
    expect(s.chat.posts).toHaveLength(2);

    await s.timers.advance(20_000);
    expect(s.chat.posts).toHaveLength(3);
    expect(s.chat.last()!.cards[0]!.title).toMatch(/Quiz over/);
    const board = await b.handleText(testContext(s), '/leaderboard all');
    expect(board.cards[0]!.body).toMatch(/alice|bob/);
    const stats = await b.handleText(testContext(s, { user: bob }), '/stats');
    expect(stats.ephemeral).toBe(true);
    expect(stats.cards[0]!.body).toMatch(/\/1 correct|\d\/1/);
  });

  it('allows one round per channel at a time', async () => {
    const s = testServices();
    const b = bot();
    await b.handleText(testContext(s), '/quiz');
    await expect(b.handleText(testContext(s), '/quiz')).rejects.toThrow(/already running in this channel/);
    await expect(b.handleText(testContext(s, { channelId: 'test:other' }), '/quiz')).resolves.toBeDefined();
  });

  it('answers clicks on finished, unknown and closed rounds with "this round has ended"', async () => {
    const s = testServices();
    const b = bot();
    await b.handleText(testContext(s), '/quiz count:1 seconds:10');
    await s.timers.advance(1500);
    const [a0] = answerButtons(s);
    await s.timers.advance(10_000);
    for (const action of [a0!, 'quiz:a:nosuchround:0:1', 'quiz:zzz']) {
      const r = await b.handleAction(testContext(s), action);
      expect(r.mode).toBe('ephemeral');
      expect(r.reply.text).toBe('This round has ended.');
    }
  });

  it('lets only the starter or an admin reveal or stop', async () => {
    const s = testServices();
    const b = bot();
    await b.handleText(testContext(s, { user: alice }), '/quiz count:3');
    await s.timers.advance(1500);
    const reveal = s.chat.last()!.buttons[1]!.find((x) => x.label === 'Reveal now')!.action;
    const refused = await b.handleAction(testContext(s, { user: bob }), reveal);
    expect(refused.reply.text).toMatch(/Only the person who started/);
    await b.handleAction(testContext(s, { user: alice }), reveal);
    expect(s.chat.edits).toHaveLength(1);
    expect(s.chat.posts).toHaveLength(2);
    const stop = await b.handleText(testContext(s, { user: bob, isAdmin: true }), '/quiz stop');
    expect(stop.text).toMatch(/stopped/);
    expect(s.chat.last()!.cards[0]!.title).toMatch(/Quiz over/);
    expect(s.store.runningRoundIn('test:c1')).toBeUndefined();
  });

  it('picks a round up after a restart in the middle', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'quiz-')), 'bot.sqlite');
    const before = testServices({ store: SqliteStore.open(path) });
    await bot().handleText(testContext(before, { user: alice }), '/quiz count:2 seconds:30');
    await before.timers.advance(1500);
    const [a0] = answerButtons(before);
    await bot().handleAction(testContext(before, { user: alice }), a0!);
    before.quiz.stopTimers();
    before.store.close();

    // The new process: same database, fresh timers, the clock 10 s later.
    const after = testServices({ store: SqliteStore.open(path), now: '2026-03-02T09:00:11.500Z' });
    await after.quiz.recover();
    await after.timers.advance(20_000);
    expect(after.chat.edits).toHaveLength(1);
    expect(after.chat.edits[0]!.reply.cards[0]!.sections![1]!.body).toMatch(/1/);
    expect(after.chat.posts).toHaveLength(1);
    await after.timers.advance(30_000);
    expect(after.chat.last()!.cards[0]!.body).toMatch(/alice — [01]\/2/);
  });

  it('lets two processes on one database agree on one round per channel', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'quiz-')), 'bot.sqlite');
    const p1 = testServices({ store: SqliteStore.open(path) });
    const p2 = testServices({ store: SqliteStore.open(path) });
    const results = await Promise.allSettled([bot().handleText(testContext(p1), '/quiz'), bot().handleText(testContext(p2), '/quiz')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(UserError);
  });

  it('explains unknown topics and empty pools', async () => {
    const s = testServices();
    await expect(bot().handleText(testContext(s), '/quiz topic:networking level:senior')).rejects.toThrow(/no quiz questions/);
    await expect(bot().handleText(testContext(s), '/quiz cooking')).rejects.toThrow(/don't understand `cooking`/);
  });

  it('drills flashcards: question, reveal, self-grade, next card', async () => {
    const s = testServices();
    const b = bot();
    const front = await b.handleText(testContext(s), '/flashcard pods');
    const show = front.buttons[0]![0]!.action;
    const back = await b.handleAction(testContext(s), show);
    expect(back.mode).toBe('update');
    expect(back.reply.cards[0]!.body!.length).toBeGreaterThan(20);
    const next = await b.handleAction(testContext(s), back.reply.buttons[0]![0]!.action);
    expect(next.reply.text).toMatch(/Nice/);
  });
});

describe('quiz rounds where the bot cannot post', () => {
  it('ends a round whose question cannot be posted, so the channel is not stuck', async () => {
    const s = testServices();
    s.chat.post = async () => {
      throw new Error('not_in_channel');
    };
    await bot().handleText(testContext(s), '/quiz');
    await s.timers.advance(1500);
    expect(s.store.runningRoundIn('test:c1')).toBeUndefined();
    expect(s.logger.lines.find((l) => l.level === 'warn')?.msg).toMatch(/could not be posted/);
    await expect(bot().handleText(testContext(s), '/quiz')).resolves.toBeDefined();
  });
});
