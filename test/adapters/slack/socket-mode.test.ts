import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createApp } from '../../../src/app/create-app.js';
import { startSlackAdapter } from '../../../src/adapters/slack/start.js';
import { FakeSlack } from '../../../src/adapters/slack/fake/fake-slack.js';
import { blockActionsPayload } from '../../../src/adapters/slack/fake/requests.js';
import { FIXTURE_KB_DIR, fixedClock, manualTimers, recordingLogger } from '../../helpers.js';
import { alice, buttonsOf, startHarness, textOf, until, type Harness } from './harness.js';

let h: Harness | undefined;
/** Error log lines a test expects; any other error line fails it. */
let expectedErrors: RegExp | undefined;
afterEach(async () => {
  if (!h) return;
  await h.close();
  const errors = h.logger.lines.filter((l) => l.level === 'error' && !expectedErrors?.test(l.msg));
  expect(errors.map((l) => `${l.msg} ${String(l.fields.err)}`)).toEqual([]);
  h = undefined;
  expectedErrors = undefined;
});

describe('Slack adapter, Socket Mode', () => {
  it('connects through apps.connections.open and reports the connection state', async () => {
    h = await startHarness({ mode: 'socket' });
    expect(h.slack.mode).toBe('socket');
    expect(h.slack.connected()).toBe(true);
    expect(h.fake.connectionsOpened).toBe(1);
    const open = h.fake.callsTo('apps.connections.open')[0]!;
    expect(open.token).toBe(h.fake.appToken);
    await h.slack.stop();
    expect(h.slack.connected()).toBe(false);
    await h.fake.waitFor(() => h!.fake.openConnections === 0, 'the client to disconnect');
  });

  it('reports a dropped connection at once, reconnects by itself, and answers again', async () => {
    h = await startHarness({ mode: 'socket', autoReconnect: true });
    expectedErrors = /^slack: WebSocket error/; // the SDK's own report of the broken socket
    h.fake.dropConnections();
    await h.fake.waitFor(() => h!.fake.openConnections === 0, 'the connection to drop');
    await until(() => !h!.slack.connected(), 'the adapter to notice');
    await h.fake.waitFor(() => h!.fake.connectionsOpened === 2 && h!.fake.openConnections === 1, 'a new connection', 10_000);
    await until(() => h!.slack.connected(), 'the adapter to report it');
    expect(textOf(await (await h.command('what does the pause container do')).reply())).toContain('pause container');
  });

  it('acks slash-command, interactive and Events API envelopes, then replies', async () => {
    h = await startHarness({ mode: 'socket' });
    const cmd = await h.command('what does the pause container do');
    expect(cmd.ack.status).toBe(200);
    expect(cmd.ack.ms).toBeLessThan(3000);
    const answer = await cmd.reply();
    expect(textOf(answer)).toContain('What does the pause container do?');

    const message = { channel: 'CGENERAL', ts: '1700000000.000001', blocks: answer.blocks as unknown[] };
    const click = await h.click(message, '中文');
    expect(click.ack.ms).toBeLessThan(3000);
    expect(textOf(await click.reply())).toContain('pause 容器有什么作用？');

    const mention = await h.event({ type: 'app_mention', user: alice.id, text: '<@UBOT> readiness probe', ts: '1700000100.000200', channel: 'CGENERAL', event_ts: '1700000100.000200' });
    expect(mention.ms).toBeLessThan(3000);
    const post = await h.fake.nthCall('chat.postMessage', 0);
    expect(post.args.thread_ts).toBe('1700000100.000200');
    expect(buttonsOf(post.args).length).toBeGreaterThan(0);
  });

  it('acks a click on a button it did not render, so Slack shows no error', async () => {
    h = await startHarness({ mode: 'socket' });
    const payload = blockActionsPayload(h.whoFor(alice), { action_id: 'someone-elses-button', value: 'x' }, h.fake.responseUrl(), { ts: '1700000000.000001' });
    const ack = await h.fake.sendEnvelope('interactive', payload);
    expect(ack.ms).toBeLessThan(3000);
    expect(h.fake.responses).toEqual([]);
  });

  it('runs a quiz round over Socket Mode', async () => {
    h = await startHarness({ mode: 'socket' });
    await (await h.command('quiz topic:networking count:1 seconds:10')).reply();
    await h.timers.advance(1500);
    await h.fake.nthCall('chat.postMessage', 0);
    const question = structuredClone([...h.fake.messages.values()][0]!);
    expect((await (await h.click(question, 'A')).reply()).text).toContain('Got it');
    await h.timers.advance(10_000);
    expect(buttonsOf((await h.fake.nthCall('chat.update', 0)).args)).toEqual([]);
    expect(textOf((await h.fake.nthCall('chat.postMessage', 1)).args)).toMatch(/alice — [01]\/1/);
  });
});

describe('Slack adapter start-up failures', () => {
  async function tryStart(env: Record<string, string>) {
    const fake = await FakeSlack.start();
    const config = loadConfig({ KNOWLEDGE_DIR: FIXTURE_KB_DIR, DATABASE_PATH: ':memory:', SLACK_API_URL: fake.apiUrl, SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: fake.appToken, ...env });
    const clock = fixedClock('2026-03-02T09:00:00Z');
    const logger = recordingLogger();
    const app = createApp(config, { clock, timers: manualTimers(clock), random: Math.random, logger });
    try {
      return await startSlackAdapter(app, config, logger, { retries: 0, autoReconnect: false }).then(
        async (s) => {
          await s.stop();
          return 'started';
        },
        (err: Error) => err.message,
      );
    } finally {
      await app.stop();
      await fake.close();
    }
  }

  it('names the bot token when Slack rejects it', async () => {
    expect(await tryStart({ SLACK_BOT_TOKEN: 'xoxb-wrong' })).toMatch(/did not accept SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it('names the app token when the Socket Mode connection cannot be opened', async () => {
    expect(await tryStart({ SLACK_APP_TOKEN: 'xapp-wrong' })).toMatch(/Socket Mode connection \(.*invalid_auth.*\).*SLACK_APP_TOKEN/);
  });
});
