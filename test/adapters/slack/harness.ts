import { loadConfig } from '../../../src/config/config.js';
import { createApp, type App } from '../../../src/app/create-app.js';
import { startSlackAdapter, type RunningSlack } from '../../../src/adapters/slack/start.js';
import { FakeSlack, type FakeUser, type PostedMessage } from '../../../src/adapters/slack/fake/fake-slack.js';
import { blockActionsPayload, eventCallback, formBody, postSigned, slashCommandPayload, type Who } from '../../../src/adapters/slack/fake/requests.js';
import { FIXTURE_KB_DIR, fixedClock, manualTimers, recordingLogger, seededRandom } from '../../helpers.js';

export const SECRET = 'test-signing-secret';

export const alice: FakeUser = { id: 'UALICE', name: 'alice' };
export const bob: FakeUser = { id: 'UBOB', name: 'bob', locale: 'zh-CN' };
export const admin: FakeUser = { id: 'UADMIN', name: 'ada', isAdmin: true };
export const owner: FakeUser = { id: 'UOWNER', name: 'olga', isOwner: true };

export interface HarnessOptions {
  mode: 'http' | 'socket';
  env?: Record<string, string>;
  /** Socket Mode: reconnect after a dropped connection (the SDK waits ~5 s first). */
  autoReconnect?: boolean;
}

/** What a request to the bot got back right away: the HTTP status, or the Socket Mode ack. */
export interface Acked {
  status: number;
  ms: number;
  payload?: unknown;
}

/**
 * The real adapter (real Bolt) on the real app, talking to a fake Slack on 127.0.0.1. Time is a
 * fixed clock with manual timers, so quiz deadlines and daily reveals happen when a test says.
 */
export async function startHarness(options: HarnessOptions) {
  const fake = await FakeSlack.start({ users: [alice, bob, admin, owner] });
  const env: Record<string, string> = {
    KNOWLEDGE_DIR: FIXTURE_KB_DIR,
    DATABASE_PATH: ':memory:',
    SLACK_BOT_TOKEN: fake.botToken,
    SLACK_API_URL: fake.apiUrl,
    ...(options.mode === 'socket' ? { SLACK_APP_TOKEN: fake.appToken } : { SLACK_SIGNING_SECRET: SECRET }),
    ...options.env,
  };
  const config = loadConfig(env);
  config.slack!.port = 0;
  const clock = fixedClock('2026-03-02T09:00:00Z');
  const timers = manualTimers(clock);
  const logger = recordingLogger();
  const app: App = createApp(config, { clock, timers, random: seededRandom(7), logger });
  let slack: RunningSlack;
  try {
    slack = await startSlackAdapter(app, config, logger, { host: '127.0.0.1', retries: 0, autoReconnect: options.autoReconnect ?? false, drainMs: 2000 });
  } catch (err) {
    await app.stop();
    await fake.close();
    throw err;
  }
  const eventsUrl = () => `http://127.0.0.1:${slack.port()}/slack/events`;
  const whoFor = (user: FakeUser, channel = 'CGENERAL'): Who => ({ team: fake.teamId, user: user.id, userName: user.name, channel });

  /** Delivers a payload the way this mode does: a signed POST, or a Socket Mode envelope. */
  async function deliver(kind: 'slash_commands' | 'interactive' | 'events_api', payload: Record<string, unknown>): Promise<Acked> {
    if (options.mode === 'socket') {
      const ack = await fake.sendEnvelope(kind, payload);
      return { status: 200, ms: ack.ms, payload: ack.payload };
    }
    const body = kind === 'slash_commands' ? formBody(payload as Record<string, string>) : kind === 'interactive' ? formBody({ payload: JSON.stringify(payload) }) : JSON.stringify(payload);
    const res = await postSigned(eventsUrl(), body, { secret: SECRET, contentType: kind === 'events_api' ? 'application/json' : undefined });
    return { status: res.status, ms: res.ms };
  }

  return {
    fake,
    app,
    slack,
    config,
    clock,
    timers,
    logger,
    eventsUrl,
    whoFor,
    deliver,

    /** `/k8s <text>`: the ack, and the reply posted to the command's response_url. */
    async command(text: string, user: FakeUser = alice, channel = 'CGENERAL') {
      const responseUrl = fake.responseUrl();
      const ack = await deliver('slash_commands', slashCommandPayload(whoFor(user, channel), text, responseUrl));
      return { ack, responseUrl, reply: () => fake.responseTo(responseUrl).then((r) => r.body) };
    },

    /** Clicks the button labelled `label` (or the n-th button) of a message the bot posted. */
    async click(message: PostedMessage, which: string | number, user: FakeUser = alice) {
      const button = buttonsOf(message).find((b, i) => (typeof which === 'number' ? i === which : b.text === which));
      if (!button) throw new Error(`no button ${which} in message ${message.ts}: ${buttonsOf(message).map((b) => b.text).join(', ')}`);
      const responseUrl = fake.responseUrl();
      const ack = await deliver('interactive', blockActionsPayload(whoFor(user, message.channel), button, responseUrl, message));
      return { ack, responseUrl, reply: () => fake.responseTo(responseUrl).then((r) => r.body) };
    },

    async event(event: Record<string, unknown>) {
      return deliver('events_api', eventCallback(fake.teamId, event));
    },

    async close() {
      await slack.stop();
      await app.stop();
      await fake.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export interface RenderedButton {
  action_id: string;
  value: string;
  text: string;
}

/** The buttons of a Block Kit message, in order. */
export function buttonsOf(message: { blocks?: unknown[] }): RenderedButton[] {
  return (message.blocks ?? [])
    .filter((b): b is { type: 'actions'; elements: { action_id: string; value: string; text: { text: string } }[] } => (b as { type?: string }).type === 'actions')
    .flatMap((b) => b.elements.map((e) => ({ action_id: e.action_id, value: e.value, text: e.text.text })));
}

/** All the mrkdwn and plain text of a message's blocks, joined, for assertions. */
export function textOf(message: { text?: string; blocks?: unknown[] }): string {
  const parts: string[] = [message.text ?? ''];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string') parts.push(o.text);
      for (const [k, x] of Object.entries(o)) if (k !== 'text' || typeof x !== 'string') walk(x);
    }
  };
  walk(message.blocks);
  return parts.join('\n');
}

/**
 * Waits for a state change that has no event to await (a store row written after a Slack call
 * returned, the SDK noticing a closed socket). Bounded in time and in rounds.
 */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; round < 100_000 && Date.now() < deadline; round++) {
    if (check()) return;
    // Immediates first (most changes are a few turns of the loop away), then short timers.
    await new Promise((r) => (round < 100 ? setImmediate(r) : setTimeout(r, 5)));
  }
  if (check()) return;
  throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
}
