import { describe, expect, it } from 'vitest';
import { FakeDiscord, type FakeMessage } from '../../../src/adapters/discord/testing/fake-discord.js';
import { correctShownPosition } from '../../../src/core/quiz/pick.js';
import { textReply } from '../../../src/core/reply.js';
import { expectNoPings, harnessPerTest } from './harness.js';

const EPHEMERAL = 64;
type Row = { components: { custom_id: string; label: string; disabled: boolean; style: number }[] };
const buttons = (m: FakeMessage) => (m.components as Row[]).flatMap((r) => r.components);

const { harness, cleanup } = harnessPerTest();

describe('quiz and daily on discord', () => {
  it('runs a quiz round answered by two users, then disables its buttons', async () => {
    const h = await harness();
    const { fake } = h;
    const alice = fake.user('alice');
    const bob = fake.user('bob');

    const started = await fake.response(fake.slash(alice, 'quiz', { count: 1, seconds: 10 }));
    expect(started.body.data.content).toMatch(/Quiz\*\* started by alice: 1 question/);

    // The first question follows the intro a moment later, as a channel message with buttons.
    let since = fake.mark();
    await h.timers.advance(1500);
    await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`, { since });
    const question = fake.channelMessages()[0]!;
    const round = h.app.services.store.runningRoundIn(`discord:${fake.channelId}`)!;
    const q = h.app.services.store.getQuestion(round.id, 0)!;
    const right = correctShownPosition(h.app.services.kb.byId.get(q.entryId)!, q.quizIndex, q.optionOrder);
    const wrong = (right + 1) % q.optionOrder.length;
    expect(buttons(question).map((b) => b.label)).toEqual([...['A', 'B', 'C', 'D'].slice(0, q.optionOrder.length), 'Reveal now', 'Stop quiz']);

    const answer = (who: typeof alice, choice: number) => fake.response(fake.click(who, question.id, `quiz:a:${round.id}:0:${choice}`));
    const a = await answer(alice, right);
    const b = await answer(bob, wrong);
    expect(a.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/^Got it/) } });
    expect(b.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/^Got it/) } });
    const again = await answer(bob, right);
    expect(again.body.data.content).toMatch(/already answered/);

    // Time is up: the question is edited in place (result shown, buttons disabled), then the summary.
    since = fake.mark();
    await h.timers.advance(10_000);
    const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${fake.channelId}/messages/${question.id}`, { since });
    expect(edit.body.embeds[0].fields).toContainEqual({ name: 'Results', value: 'Right (1/2): alice' });
    const closed = fake.messages.get(question.id)!;
    expect(buttons(closed).length).toBe(q.optionOrder.length);
    expect(buttons(closed).every((btn) => btn.disabled)).toBe(true);
    expect(buttons(closed)[right]!.style).toBe(3);
    const summary = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages` && /Quiz over/.test(JSON.stringify(r.body)), { since });
    expect(summary.body.embeds[0].description).toBe('🥇 alice — 1/1\n2. bob — 0/1');

    // A click that arrives after the round: a stale button, answered only to the clicker.
    const late = await answer(bob, right);
    expect(late.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: 'This round has ended.' } });
    const board = await fake.response(fake.slash(bob, 'leaderboard', { period: 'all' }));
    expect(board.body.data.embeds[0].description).toMatch(/alice — 1 correct/);
    expectNoPings(fake);
  });

  it('posts the daily question from the scheduler, takes answers, and reveals in a thread', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    // Every second except :00, so the start-up catch-up (which looks at whole minutes) stays
    // quiet and the post comes from a cron tick.
    const h = await harness({ fake, env: { DAILY_CRON: '1-59 * * * * *', DAILY_CHANNELS: `discord:${fake.channelId}` } });
    await h.app.startBackground();
    expect(h.app.services.store.getSubscription(`discord:${fake.channelId}`)?.workspaceId).toBe(`discord:${fake.guildId}`);

    const posted = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`, { timeoutMs: 4000 });
    expect(posted.body.embeds[0].title).toBe('📅 Daily question · 2026-03-02');
    const question = fake.channelMessages()[0]!;
    const post = h.app.services.store.dailyPostsIn(`discord:${fake.channelId}`)[0]!;
    const right = correctShownPosition(h.app.services.kb.byId.get(post.entryId)!, post.quizIndex, post.optionOrder);
    const alice = fake.user('alice');
    const answered = await fake.response(fake.click(alice, question.id, `daily:a:${post.id}:${right}`));
    expect(answered.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^Got it/) });

    const since = fake.mark();
    await h.timers.advance(h.config.dailyRevealAfterMs);
    await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${fake.channelId}/messages/${question.id}`, { since });
    expect(buttons(fake.messages.get(question.id)!).every((b) => b.disabled)).toBe(true);
    const thread = await fake.waitFor((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages/${question.id}/threads`, { since });
    expect(thread.body.name).toBe('📅 Daily question · 2026-03-02');
    const reveal = await fake.waitFor((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.path !== `/channels/${fake.channelId}/messages`, { since });
    expect(reveal.body.embeds[0].fields).toContainEqual({ name: 'Results', value: 'Right (1/1): alice' });
    // One post a day, however often the schedule ticks.
    expect(fake.channelMessages()).toHaveLength(1);
    expectNoPings(fake);
  });

  it('posts, edits, and threads through the ChatPort, falling back to a reply when threads are not allowed', async () => {
    const h = await harness();
    const { fake } = h;
    const chan = `discord:${fake.channelId}`;
    expect(await h.app.chat.workspaceOf(chan)).toBe(`discord:${fake.guildId}`);

    const ref = (await h.app.chat.post(chan, { cards: [{ title: 'Question' }], buttons: [[{ action: 'x:1', label: 'A' }]] }))!;
    const { channelId, messageId } = /^discord:(?<channelId>\d+):(?<messageId>\d+)$/.exec(ref)!.groups!;
    expect(channelId).toBe(fake.channelId);

    const inThread = (await h.app.chat.post(chan, textReply('Answer: A'), { threadOf: ref }))!;
    const threadId = inThread.split(':')[1]!;
    expect(threadId).not.toBe(fake.channelId);
    expect(fake.channelMessages(threadId)[0]!.content).toBe('Answer: A');

    fake.failThreads = true;
    const replied = (await h.app.chat.post(chan, textReply('Answer again'), { threadOf: ref }))!;
    const fallback = fake.messages.get(replied.split(':')[2]!)!;
    expect(fallback.channel_id).toBe(fake.channelId);
    expect(fallback.message_reference?.message_id).toBe(messageId);
    expect(h.logger.lines.some((l) => l.level === 'warn' && /thread not possible/.test(l.msg))).toBe(true);

    await h.app.chat.edit(ref, textReply('closed'));
    expect(fake.messages.get(messageId!)).toMatchObject({ content: 'closed', embeds: [], components: [] });
    await expect(h.app.chat.post('discord:999', textReply('nowhere'))).rejects.toThrow();
    expectNoPings(fake);
  });
});
