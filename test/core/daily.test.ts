import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedEarlierToday, localDate } from '../../src/core/daily/time.js';
import { cronFromSpec } from '../../src/core/daily/schedule-spec.js';
import { nodeCronEngine } from '../../src/app/schedule-engine.js';
import { SqliteStore } from '../../src/storage/sqlite-store.js';
import { bot, testContext, testServices, type TestServices } from '../helpers.js';

const engine = nodeCronEngine();
const admin = (s: TestServices, over = {}) => testContext(s, { isAdmin: true, ...over });

async function subscribe(s: TestServices, args = '09:00 UTC daily') {
  await bot().handleText(admin(s), `/daily subscribe ${args}`);
  return s.store.getSubscription('test:c1')!;
}

describe('calendar helpers', () => {
  it('finds the local date ahead of and behind UTC', () => {
    const at = new Date('2026-03-02T17:30:00Z');
    expect(localDate(at, 'UTC')).toBe('2026-03-02');
    expect(localDate(at, 'Asia/Shanghai')).toBe('2026-03-03');
    expect(localDate(new Date('2026-03-02T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-03-01');
  });

  it('knows whether a schedule already fired today, across DST changes', () => {
    const nine = (tz: string) => (at: Date) => engine.matches('0 9 * * *', tz, at);
    // New York springs forward on 2026-03-08: 09:00 EDT is 13:00 UTC.
    expect(firedEarlierToday(new Date('2026-03-08T13:30:00Z'), 'America/New_York', nine('America/New_York'))).toBe(true);
    expect(firedEarlierToday(new Date('2026-03-08T12:59:00Z'), 'America/New_York', nine('America/New_York'))).toBe(false);
    // Berlin falls back on 2026-10-25: 09:00 CET is 08:00 UTC.
    expect(firedEarlierToday(new Date('2026-10-25T08:00:00Z'), 'Europe/Berlin', nine('Europe/Berlin'))).toBe(true);
    expect(firedEarlierToday(new Date('2026-10-25T07:59:00Z'), 'Europe/Berlin', nine('Europe/Berlin'))).toBe(false);
    // Shanghai's day starts at 16:00 UTC the day before.
    expect(firedEarlierToday(new Date('2026-03-02T16:30:00Z'), 'Asia/Shanghai', (at) => engine.matches('0 0 * * *', 'Asia/Shanghai', at))).toBe(true);
  });

  it('turns a time and days into cron', () => {
    expect(cronFromSpec('09:30', 'weekdays', 'en')).toBe('30 9 * * 1-5');
    expect(cronFromSpec('7:05', 'mon,wed,fri', 'en')).toBe('5 7 * * 1,3,5');
    expect(() => cronFromSpec('25:00', undefined, 'en')).toThrow(/HH:MM/);
  });
});

describe('daily question', () => {
  it('subscribes for admins only and reports status', async () => {
    const s = testServices();
    const refused = await bot().handleText(testContext(s), '/daily subscribe 09:00');
    expect(refused.text).toMatch(/Only admins/);
    const ok = await bot().handleText(admin(s), '/daily subscribe 08:15 Asia/Shanghai weekdays pods');
    expect(ok.text).toMatch(/Subscribed.*15 8 \* \* 1-5.*Asia\/Shanghai/);
    const status = await bot().handleText(testContext(s), '/daily status');
    expect(status.cards[0]!.body).toMatch(/pods/);
    await expect(bot().handleText(admin(s), '/daily subscribe 09:00 Mars/Olympus')).rejects.toThrow(/not an IANA time zone/);
  });

  it('posts at most once per channel per local day, however often the schedule fires', async () => {
    const s = testServices();
    await subscribe(s);
    await s.daily.runScheduled('test:c1');
    await s.daily.runScheduled('test:c1');
    const now = await bot().handleText(admin(s), '/daily now');
    expect(now.text).toMatch(/already has today/);
    expect(s.chat.posts).toHaveLength(1);
    expect(s.chat.posts[0]!.reply.cards[0]!.title).toBe('📅 Daily question · 2026-03-02');
    s.clock.set('2026-03-03T09:00:00Z');
    await s.daily.runScheduled('test:c1');
    expect(s.chat.posts.filter((p) => p.threadOf === undefined)).toHaveLength(2);
  });

  it('uses the subscription time zone for the day boundary', async () => {
    const s = testServices({ now: '2026-03-02T15:00:00Z' });
    await subscribe(s, '09:00 Asia/Shanghai daily');
    await s.daily.runScheduled('test:c1');
    s.clock.set('2026-03-02T16:30:00Z'); // 00:30 on the 3rd in Shanghai: a new day there
    await s.daily.runScheduled('test:c1');
    const titles = s.chat.posts.filter((p) => !p.threadOf).map((p) => p.reply.cards[0]!.title);
    expect(titles).toEqual(['📅 Daily question · 2026-03-02', '📅 Daily question · 2026-03-03']);
  });

  it('gives two processes sharing a database one post', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'daily-')), 'bot.sqlite');
    const p1 = testServices({ store: SqliteStore.open(path) });
    const p2 = testServices({ store: SqliteStore.open(path) });
    await subscribe(p1);
    await Promise.all([p1.daily.runScheduled('test:c1'), p2.daily.runScheduled('test:c1'), p1.daily.runScheduled('test:c1')]);
    expect(p1.chat.posts.length + p2.chat.posts.length).toBe(1);
  });

  it('reveals after DAILY_REVEAL_AFTER: closes buttons, posts results in a thread, counts streaks', async () => {
    const s = testServices();
    await subscribe(s);
    const b = bot();
    for (const day of ['2026-03-02', '2026-03-03']) {
      s.clock.set(`${day}T09:00:00Z`);
      await s.daily.runScheduled('test:c1');
      const post = s.chat.posts.filter((p) => !p.threadOf).at(-1)!;
      const stored = s.store.dailyPostOn('test:c1', day)!;
      const entry = s.kb.byId.get(stored.entryId)!;
      const right = stored.optionOrder.indexOf(entry.quiz[stored.quizIndex]!.answer);
      const answer = await b.handleAction(testContext(s, { user: { id: 'u1', name: 'alice' } }), post.reply.buttons[0]![right]!.action);
      expect(answer.reply.text).toMatch(/Got it/);
      await b.handleAction(testContext(s, { user: { id: 'u2', name: 'bob' } }), post.reply.buttons[0]![(right + 1) % 4]!.action);
      await s.timers.advance(8 * 3600_000);
      const thread = s.chat.posts.at(-1)!;
      expect(thread.threadOf).toBe(post.ref);
      expect(thread.reply.cards[0]!.sections![1]!.body).toBe('Right (1/2): alice');
      expect(s.chat.edits.at(-1)!.reply.buttons.flat().every((x) => x.disabled)).toBe(true);
      const late = await b.handleAction(testContext(s), post.reply.buttons[0]![0]!.action);
      expect(late.reply.text).toMatch(/already been revealed/);
    }
    expect(s.store.getDailyStreak('test:c1', 'u1')).toMatchObject({ current: 2, best: 2 });
    expect(s.store.getDailyStreak('test:c1', 'u2')).toMatchObject({ current: 0 });
    expect(s.chat.posts.at(-1)!.reply.cards[0]!.sections!.at(-1)!.body).toMatch(/alice: 2 days in a row/);
  });

  it('makes a post missed while down at start-up the same day, and not before its time', async () => {
    const early = testServices({ now: '2026-03-02T08:00:00Z' });
    await subscribe(early);
    await early.daily.recover();
    expect(early.chat.posts).toHaveLength(0);
    const late = testServices({ now: '2026-03-02T11:00:00Z' });
    await subscribe(late);
    await late.daily.recover();
    expect(late.chat.posts).toHaveLength(1);
  });

  it('does not repeat a question in a channel until the pool is used up', async () => {
    const s = testServices();
    await subscribe(s);
    const seen: string[] = [];
    for (let d = 2; d <= 9; d++) {
      s.clock.set(`2026-03-0${d}T09:00:00Z`);
      await s.daily.runScheduled('test:c1');
      seen.push(s.store.dailyPostOn('test:c1', `2026-03-0${d}`)!.entryId);
    }
    expect(new Set(seen.slice(0, 4)).size).toBe(4);
    expect(new Set(seen.slice(4, 8)).size).toBe(4);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).not.toBe(seen[i - 1]);
  });

  it('answers a click on an unknown daily post politely', async () => {
    const r = await bot().handleAction(testContext(testServices()), 'daily:a:nope:1');
    expect(r.reply.text).toMatch(/has ended/);
  });
});
