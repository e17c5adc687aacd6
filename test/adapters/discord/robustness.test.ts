import { describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../../src/adapters/discord/testing/fake-discord.js';
import { Bot } from '../../../src/core/bot.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';
import type { Command } from '../../../src/core/commands/types.js';
import { textReply } from '../../../src/core/reply.js';
import { expectNoPings, harnessPerTest, until } from './harness.js';

const EPHEMERAL = 64;
const { harness, cleanup } = harnessPerTest();

describe('discord admin checks', () => {
  it('refuses admin commands to members without Manage Server, clearly and privately', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    const listed = fake.user('dave');
    const h = await harness({ fake, env: { ADMIN_USERS: `discord:${listed.id}` } });

    const refused = await fake.response(fake.slash(fake.user('bob'), 'daily', { time: '08:30' }, 'subscribe'));
    expect(refused.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: 'Only admins can use this command.' } });
    const refusedZh = await fake.response(fake.slash(fake.user('mei', { locale: 'zh-CN' }), 'daily', {}, 'now'));
    expect(refusedZh.body.data).toMatchObject({ flags: EPHEMERAL, content: '只有管理员可以使用这个命令。' });
    expect(h.app.services.store.getSubscription(`discord:${fake.channelId}`)).toBeUndefined();

    const manager = await fake.response(fake.slash(fake.user('carol', { admin: true }), 'daily', { time: '08:30', timezone: 'Asia/Shanghai' }, 'subscribe'));
    expect(manager.body.data.content).toMatch(/^✅ Subscribed\. Schedule `30 8 \* \* 1-5` \(Asia\/Shanghai\)/);
    expect(manager.body.data.flags ?? 0).toBe(0);
    // Anyone may look at the schedule.
    const status = await fake.response(fake.slash(fake.user('bob'), 'daily', {}, 'status'));
    expect(status.body.data.embeds[0].description).toContain('30 8 * * 1-5');

    const viaList = await fake.response(fake.slash(listed, 'daily', {}, 'unsubscribe'));
    expect(viaList.body.data.content).toMatch(/^Unsubscribed/);
    expect(h.app.services.store.getSubscription(`discord:${fake.channelId}`)).toBeUndefined();
    expectNoPings(fake);
  });
});

describe('discord stale and forged buttons', () => {
  it('answers old or unknown buttons with a private note and changes nothing', async () => {
    const h = await harness();
    const { fake } = h;
    const alice = fake.user('alice');
    const asked = fake.slash(alice, 'ask', { question: 'pause container' });
    await fake.response(asked);
    const message = [...fake.messages.values()].find((m) => m.interaction_id === asked.id)!;
    const before = JSON.stringify(message);

    const cases: [string, string][] = [
      ['ask:show:no-such-entry:en', 'That question is no longer in the knowledge base.'],
      ['quiz:a:gone:0:1', 'This round has ended.'],
      ['daily:a:gone:2', 'This daily question has ended.'],
      ['something:else', 'This button has expired.'],
    ];
    for (const [customId, text] of cases) {
      const r = await fake.response(fake.click(alice, message.id, customId));
      expect(r.body, customId).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: text } });
    }
    expect(JSON.stringify(fake.messages.get(message.id))).toBe(before);
  });
});

describe('discord error boundary', () => {
  let release: () => void = () => undefined;
  const gate = () => new Promise<void>((resolve) => (release = resolve));
  const extra: Command[] = [
    { name: 'boom', description: { en: 'x', zh: 'x' }, options: [], run: () => { throw new Error('kaboom secret detail'); } },
    {
      name: 'slow',
      description: { en: 'x', zh: 'x' },
      options: [{ name: 'private', type: 'string', description: { en: 'x', zh: 'x' } }],
      run: async (_ctx, args) => {
        await gate();
        return textReply('done slowly', { ephemeral: args.private === 'yes' });
      },
    },
  ];

  it('turns a user error into its message and a bug into an apology plus a log line, and keeps going', async () => {
    const h = await harness({ bot: new Bot([...COMMANDS, ...extra]) });
    const { fake } = h;
    const alice = fake.user('alice');

    const bug = await fake.response(fake.slash(alice, 'boom'));
    expect(bug.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL, content: expect.stringMatching(/^Sorry, something went wrong/) } });
    expect(JSON.stringify(bug.body)).not.toContain('kaboom');
    const logged = h.logger.lines.find((l) => l.msg === 'discord interaction failed');
    expect(logged?.fields).toMatchObject({ kind: '/boom', user: alice.id, channel: fake.channelId });
    expect((logged?.fields.err as Error).message).toBe('kaboom secret detail');

    const userError = await fake.response(fake.slash(alice, 'quiz', { topic: 'cooking' }));
    expect(userError.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^There is no topic `cooking`/) });
    expect(h.logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);

    const fine = await fake.response(fake.slash(alice, 'ask', { question: 'kube-proxy modes' }));
    expect(fine.body.data.embeds[0].title).toBe('What proxy modes does kube-proxy have?');
    expect(h.adapter.connected()).toBe(true);
  });

  it('defers a slow answer before Discord’s deadline, then edits it in (or sends it privately)', async () => {
    const h = await harness({ bot: new Bot([...COMMANDS, ...extra]), adapter: { deferAfterMs: 20 } });
    const { fake } = h;
    const alice = fake.user('alice');

    const slow = fake.slash(alice, 'slow');
    expect((await fake.response(slow)).body.type).toBe(5);
    const since = fake.mark();
    release();
    const edited = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.appId}/${slow.token}/messages/@original`, { since });
    expect(edited.body.content).toBe('done slowly');

    const secret = fake.slash(alice, 'slow', { private: 'yes' });
    expect((await fake.response(secret)).body.type).toBe(5);
    release();
    const followUp = await fake.waitFor((r) => r.method === 'POST' && r.path === `/webhooks/${fake.appId}/${secret.token}`);
    expect(followUp.body).toMatchObject({ content: 'done slowly', flags: EPHEMERAL });
    // The public "thinking…" placeholder went away first.
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.path === `/webhooks/${fake.appId}/${secret.token}/messages/@original`)).toBe(true);
    expectNoPings(fake);
  });
});

describe('discord gateway', () => {
  it('resumes a dropped connection and answers what arrived meanwhile', async () => {
    const h = await harness();
    const { fake } = h;
    expect(h.adapter.connected()).toBe(true);

    fake.gateway.hold();
    fake.gateway.drop();
    await until(() => !h.adapter.connected(), 'the adapter to report the lost connection');
    // Sent while the bot is away: Discord keeps it and replays it on resume.
    const asked = fake.slash(fake.user('alice'), 'ask', { question: 'pause container' });
    fake.gateway.release();

    const r = await fake.response(asked);
    expect(r.body.data.embeds[0].title).toBe('What does the pause container do?');
    expect(fake.gateway.resumes).toBe(1);
    expect(fake.gateway.identifies).toBe(1);
    await until(() => h.adapter.connected(), 'the adapter to report the connection back');
    expect(h.logger.lines.some((l) => l.msg === 'discord gateway resumed')).toBe(true);
  });
});
