import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bot } from '../../../src/core/bot.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';
import type { Command } from '../../../src/core/commands/types.js';
import { UserError } from '../../../src/core/errors.js';
import { textReply } from '../../../src/core/reply.js';
import { formBody, postSigned, slashCommandPayload, slackSignature } from '../../../src/adapters/slack/fake/requests.js';
import { admin, alice, bob, buttonsOf, owner, SECRET, startHarness, textOf, until, type Harness } from './harness.js';

let h: Harness;
/** Error log lines a test expects; any other error line fails the test (a Slack call rejected, say). */
let expectedErrors: string[] = [];
beforeEach(async () => {
  h = await startHarness({ mode: 'http' });
  expectedErrors = [];
});
afterEach(async () => {
  await h.close();
  expect(h.logger.lines.filter((l) => l.level === 'error' && !expectedErrors.includes(l.msg)).map((l) => `${l.msg} ${String(l.fields.err)}`)).toEqual([]);
});

/** Every string Slack would parse, so a test can look for mentions and broadcasts anywhere. */
const allText = (body: unknown) => JSON.stringify(body);

describe('Slack adapter over HTTP: requests and signatures', () => {
  it('acks a signed /k8s question within Slack’s deadline, then answers in the channel with Block Kit', async () => {
    const { ack, reply } = await h.command('what does the pause container do');
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(3000);
    const body = await reply();
    expect(body.response_type).toBe('in_channel');
    const text = textOf(body);
    expect(text).toContain('What does the pause container do?');
    expect(text).toContain('*In short:*');
    expect(text).toContain('*References*');
    expect(buttonsOf(body).map((b) => b.text)).toEqual(expect.arrayContaining(['👍 Helpful', '👎 Not helpful', '中文']));
    expect(h.slack.connected()).toBe(true);
  });

  it('rejects a bad signature and a stale timestamp with 401, and runs nothing', async () => {
    const responseUrl = h.fake.responseUrl();
    const body = formBody(slashCommandPayload(h.whoFor(alice), 'what is a pod', responseUrl));
    const bad = await postSigned(h.eventsUrl(), body, { secret: SECRET, signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), body) });
    expect(bad.status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const old = await postSigned(h.eventsUrl(), body, { secret: SECRET, timestamp: stale });
    expect(old.status).toBe(401);
    const unsigned = await fetch(h.eventsUrl(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(unsigned.status).toBe(401);
    // A good request afterwards is answered, and only it: the rejected ones never reached a handler.
    const good = await h.command('what is a pod');
    await good.reply();
    expect(h.fake.responses.map((r) => r.id)).toEqual([Number(good.responseUrl.split('/').pop())]);
    expect(h.fake.calls.filter((c) => c.method === 'users.info')).toHaveLength(1);
  });

  it('answers Slack’s URL verification challenge, so the Request URL can be saved', async () => {
    const res = await postSigned(h.eventsUrl(), JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }), { secret: SECRET, contentType: 'application/json' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('c-123');
  });

  it('answers /k8s and /k8s help privately with the Slack usage and the command list, in the user’s locale', async () => {
    const en = await (await h.command('')).reply();
    expect(en.response_type).toBe('ephemeral');
    expect(textOf(en)).toContain('/k8s quiz networking 5');
    expect(textOf(en)).toContain('/daily subscribe');
    const zh = await (await h.command('help', bob)).reply();
    expect(textOf(zh)).toContain('在 Slack 中');
  });

  it('escapes user text, so nothing it echoes can mention anyone or broadcast', async () => {
    // Slack delivers typed < > & as entities; the core sees the plain characters and echoes them back.
    const { reply } = await h.command('quiz &lt;!here&gt; &lt;@UADMIN&gt; &lt;!channel&gt; @everyone');
    const body = await reply();
    expect(body.response_type).toBe('ephemeral');
    expect(textOf(body)).toContain('&lt;!here&gt;');
    for (const bad of ['<!here>', '<!channel>', '<!everyone>', '<@UADMIN>', '@everyone']) expect(allText(body)).not.toContain(bad);
  });

  it('turns a UserError into a polite private reply and a bug into an apology plus a log line, and keeps going', async () => {
    const boom: Command = { name: 'boom', description: { en: 'x', zh: 'x' }, options: [], run: () => { throw new Error('kaboom'); } };
    const oops: Command = { name: 'oops', description: { en: 'x', zh: 'x' }, options: [], run: () => { throw new UserError('You cannot do that here.'); } };
    h.app.bot = new Bot([...COMMANDS, boom, oops]);
    expectedErrors = ['slack handler failed'];
    const crashed = await (await h.command('boom')).reply();
    expect(crashed.response_type).toBe('ephemeral');
    expect(crashed.text).toContain('something went wrong on my side');
    expect(allText(crashed)).not.toContain('kaboom');
    expect(h.logger.lines.find((l) => l.level === 'error' && l.msg === 'slack handler failed')?.fields.err).toBeInstanceOf(Error);
    const refused = await (await h.command('oops')).reply();
    expect(refused).toMatchObject({ response_type: 'ephemeral', text: 'You cannot do that here.' });
    const after = await (await h.command('what does the pause container do')).reply();
    expect(textOf(after)).toContain('pause container');
  });

  it('on stop, takes no new requests but finishes the replies in flight', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Command = { name: 'slow', description: { en: 'x', zh: 'x' }, options: [], run: async () => { await gate; return textReply('done, slowly'); } };
    h.app.bot = new Bot([...COMMANDS, slow]);
    const { ack } = await h.command('slow');
    expect(ack.status).toBe(200);
    const stopped = h.slack.stop();
    await until(() => !h.slack.connected(), 'the server to stop listening');
    await expect(h.command('what is a pod')).rejects.toThrow();
    release();
    await stopped;
    // Already there when stop() resolves: stopping waited for it.
    expect(h.fake.responses.map((r) => r.body.text)).toContain('done, slowly');
  });

  it('still answers when users.info fails, treating the user as a non-admin', async () => {
    h.fake.failing.set('users.info', 'ratelimited');
    const refused = await (await h.command('daily now', admin)).reply();
    expect(refused.text).toMatch(/Only admins/);
    expect(h.logger.lines.some((l) => l.level === 'warn' && /users\.info failed/.test(l.msg))).toBe(true);
  });
});

describe('Slack adapter over HTTP: buttons', () => {
  it('switches an answer’s language in place, takes feedback privately, and posts a related question', async () => {
    const { reply } = await h.command('what does the pause container do');
    const answer = await reply();
    const message = { channel: 'CGENERAL', ts: '1700000000.000001', blocks: answer.blocks as unknown[] };

    const switched = await (await h.click(message, '中文')).reply();
    expect(switched.replace_original).toBe(true);
    expect(textOf(switched)).toContain('pause 容器有什么作用？');

    const thanks = await (await h.click(message, '👍 Helpful')).reply();
    expect(thanks).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(thanks.text).toMatch(/Thanks/);

    const related = buttonsOf(message).find((b) => b.value.startsWith('ask:show:'))!;
    const shown = await (await h.click(message, related.text)).reply();
    expect(shown).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(textOf(shown)).toContain(related.text);
  });

  it('runs a quiz round: question with buttons, clicks acked and answered privately, closed without buttons, summary', async () => {
    const start = await h.command('quiz topic:pods count:1 seconds:10');
    expect(start.ack.status).toBe(200);
    expect((await start.reply()).text).toMatch(/Quiz.*started by alice/);

    await h.timers.advance(1500);
    const posted = await h.fake.nthCall('chat.postMessage', 0);
    // A copy: the fake updates its messages in place, and the clicks below are on the original.
    const question = structuredClone(h.fake.messages.get([...h.fake.messages.keys()][0]!)!);
    expect(posted.args.channel).toBe('CGENERAL');
    expect(buttonsOf(question).map((b) => b.text)).toEqual(['A', 'B', 'C', 'D', 'Reveal now', 'Stop quiz']);
    const round = h.app.services.store.runningRoundIn('slack:CGENERAL')!;
    await until(() => Boolean(h.app.services.store.getQuestion(round.id, 0)?.deadlineAt), 'the question to be marked posted');

    const a = await h.click(question, 'A', alice);
    expect(a.ack.status).toBe(200);
    expect(a.ack.ms).toBeLessThan(3000);
    expect(await a.reply()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Got it: *A*') });
    expect((await (await h.click(question, 'B', bob)).reply()).text).toContain('Got it: *B*');
    expect((await (await h.click(question, 'C', alice)).reply()).text).toMatch(/first answer counts/);

    await h.timers.advance(10_000);
    const update = await h.fake.nthCall('chat.update', 0);
    expect(update.args.ts).toBe(question.ts);
    expect(buttonsOf(update.args)).toEqual([]);
    expect(textOf(update.args)).toMatch(/\*Answer: [A-D]\*/);
    expect(textOf(update.args)).toMatch(/Results/);

    const summary = await h.fake.nthCall('chat.postMessage', 1);
    expect(textOf(summary.args)).toContain('Quiz over');
    expect(textOf(summary.args)).toMatch(/alice — [01]\/1/);
    expect(textOf(summary.args)).toMatch(/bob — [01]\/1/);

    // A click on the old question after the round is over is turned away politely.
    expect((await (await h.click(question, 'D', owner)).reply()).text).toMatch(/ended|closed/);
    const board = await (await h.command('leaderboard all')).reply();
    expect(textOf(board)).toMatch(/alice|bob/);
  });

  it('posts the daily question for an admin, records answers, and reveals in a thread', async () => {
    const refused = await (await h.command('daily now', alice)).reply();
    expect(refused.text).toMatch(/Only admins/);

    const done = await (await h.command('daily now', admin)).reply();
    expect(done).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/Posted/) });
    const post = await h.fake.nthCall('chat.postMessage', 0);
    expect(textOf(post.args)).toContain('Daily question · 2026-03-02');
    const daily = structuredClone(h.fake.messages.get([...h.fake.messages.keys()][0]!)!);
    expect(buttonsOf(daily).map((b) => b.text)).toEqual(['A', 'B', 'C', 'D']);
    await until(() => h.app.services.store.unrevealedDailyPosts().some((p) => p.messageRef === `slack:CGENERAL:${daily.ts}`), 'the daily post to be recorded');

    expect((await (await h.click(daily, 'B', alice)).reply()).text).toContain('Got it: *B*');

    await h.timers.advance(h.config.dailyRevealAfterMs);
    const closed = await h.fake.nthCall('chat.update', 0);
    expect(closed.args.ts).toBe(daily.ts);
    expect(buttonsOf(closed.args)).toEqual([]);
    const reveal = await h.fake.nthCall('chat.postMessage', 1);
    expect(reveal.args.thread_ts).toBe(daily.ts);
    expect(textOf(reveal.args)).toMatch(/Answer: [A-D]/);
    expect(textOf(reveal.args)).toMatch(/1 answered|Right \(1\/1\): alice/);
  });

  it('treats workspace owners and ADMIN_USERS as admins', async () => {
    expect((await (await h.command('daily subscribe 09:00 UTC daily', owner)).reply()).text).toMatch(/Subscribed/);
    await h.close();
    h = await startHarness({ mode: 'http', env: { ADMIN_USERS: 'slack:UALICE' } });
    expect((await (await h.command('daily subscribe 10:30 UTC weekdays', alice)).reply()).text).toMatch(/Subscribed/);
    expect(h.app.services.store.getSubscription('slack:CGENERAL')).toMatchObject({ workspaceId: 'slack:T0TEAM', cron: '30 10 * * 1-5' });
  });
});

describe('Slack adapter over HTTP: events', () => {
  it('answers a mention in its thread, with the bot’s own mention stripped', async () => {
    const ack = await h.event({ type: 'app_mention', user: alice.id, text: '<@UBOT> what does the pause container do', ts: '1700000100.000200', channel: 'CGENERAL', event_ts: '1700000100.000200' });
    expect(ack.status).toBe(200);
    const post = await h.fake.nthCall('chat.postMessage', 0);
    expect(post.args).toMatchObject({ channel: 'CGENERAL', thread_ts: '1700000100.000200' });
    expect(textOf(post.args)).toContain('What does the pause container do?');
    // An empty mention gets a private hint, not a public message.
    await h.event({ type: 'app_mention', user: alice.id, text: '<@UBOT>', ts: '1700000101.000200', channel: 'CGENERAL', event_ts: '1700000101.000200' });
    const hint = await h.fake.nthCall('chat.postEphemeral', 0);
    expect(hint.args).toMatchObject({ channel: 'CGENERAL', user: alice.id });
    expect(hint.args.text).toMatch(/Please type a question/);
  });

  it('answers a direct message and ignores edits and bot posts', async () => {
    await h.event({ type: 'message', subtype: 'message_changed', channel: 'DALICE', channel_type: 'im', ts: '1700000200.000100', message: { text: 'x' } });
    await h.event({ type: 'message', bot_id: 'BOTHER', user: 'UOTHERBOT', text: 'what is a pod', channel: 'DALICE', channel_type: 'im', ts: '1700000201.000100' });
    await h.event({ type: 'message', user: bob.id, text: 'pause 容器有什么作用', channel: 'DBOB', channel_type: 'im', ts: '1700000202.000100' });
    const post = await h.fake.nthCall('chat.postMessage', 0);
    expect(post.args.channel).toBe('DBOB');
    expect(textOf(post.args)).toContain('pause 容器有什么作用？');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('publishes the App Home tab with the person’s stats and the workspace leaderboard', async () => {
    await h.event({ type: 'app_home_opened', user: alice.id, channel: 'DALICE', tab: 'home', event_ts: '1700000300.000100' });
    const publish = await h.fake.nthCall('views.publish', 0);
    expect(publish.args.user_id).toBe(alice.id);
    expect(publish.args.view.type).toBe('home');
    const text = textOf(publish.args.view);
    expect(text).toMatch(/No answers from you yet/);
    expect(text).toMatch(/Leaderboard/);
    expect(text).toContain('/k8s');
  });
});
