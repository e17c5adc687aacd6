import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { blockProblems } from './block-limits.js';

/**
 * A small working Slack on 127.0.0.1 for tests and the benchmark: the Web API methods the bot
 * calls, response_url endpoints, and a Socket Mode server that says hello and collects acks.
 * It checks tokens and Block Kit limits the way Slack does, and records everything it receives.
 */
export interface FakeUser {
  id: string;
  name: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  locale?: string;
}

export interface ApiCall {
  method: string;
  args: Record<string, any>;
  token?: string;
}

export interface ResponseUrlPost {
  /** The number in the response_url the post went to. */
  id: number;
  body: Record<string, any>;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: any[];
  thread_ts?: string;
}

export interface Ack {
  envelope_id: string;
  payload?: unknown;
  /** Envelope sent → ack received, in milliseconds. */
  ms: number;
}

export interface FakeSlackOptions {
  teamId?: string;
  botToken?: string;
  appToken?: string;
  botUserId?: string;
  users?: FakeUser[];
}

const WS_PATH = '/link';

export class FakeSlack {
  readonly teamId: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly botUserId: string;
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  readonly messages = new Map<string, PostedMessage>();
  readonly users = new Map<string, FakeUser>();
  /** Methods that answer `{ok: false, error}` while listed here. */
  readonly failing = new Map<string, string>();
  /** Socket Mode connections opened so far. */
  connectionsOpened = 0;

  private readonly waiters = new Set<() => void>();
  private readonly pendingAcks = new Map<string, { sent: number; resolve: (a: Ack) => void }>();
  private readonly sockets = new Set<WebSocket>();
  private readonly wss: WebSocketServer;
  private ticket = 0;
  private responseUrls = 0;
  private seq = 0;

  private constructor(
    private readonly server: Server,
    options: FakeSlackOptions,
  ) {
    this.teamId = options.teamId ?? 'T0TEAM';
    this.botToken = options.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = options.appToken ?? 'xapp-fake-app-token';
    this.botUserId = options.botUserId ?? 'UBOT';
    for (const u of options.users ?? []) this.users.set(u.id, u);
    this.wss = new WebSocketServer({ server, path: WS_PATH });
    this.wss.on('connection', (ws) => this.onSocket(ws));
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const server = createServer();
    const fake = new FakeSlack(server, options);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** What SLACK_API_URL points at. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url, as Slack puts in each command and click. */
  responseUrl(): string {
    return `${this.baseUrl}/respond/${++this.responseUrls}`;
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Resolves with the first truthy value of `find`, re-checked whenever the fake receives
   * something; rejects after `timeoutMs`. Tests await this instead of sleeping.
   */
  waitFor<T>(find: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
    const now = find();
    if (now) return Promise.resolve(now);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = find();
        if (!v) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(v);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`fake Slack: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** The `n`-th call (0-based) to a Web API method, once it has arrived. */
  nthCall(method: string, n: number, timeoutMs?: number): Promise<ApiCall> {
    return this.waitFor(() => this.callsTo(method)[n], `${method} call #${n + 1}`, timeoutMs);
  }

  /** The post to a given response_url, once it has arrived. */
  responseTo(url: string, timeoutMs?: number): Promise<ResponseUrlPost> {
    const id = Number(url.slice(url.lastIndexOf('/') + 1));
    return this.waitFor(() => this.responses.find((r) => r.id === id), `a post to ${url}`, timeoutMs);
  }

  /** Sends a Socket Mode envelope on the newest connection and resolves with its ack. */
  sendEnvelope(type: 'slash_commands' | 'interactive' | 'events_api', payload: unknown, timeoutMs = 5000): Promise<Ack> {
    const ws = [...this.sockets].at(-1);
    if (!ws) return Promise.reject(new Error('fake Slack: no Socket Mode connection'));
    const envelope_id = randomUUID();
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelope_id);
        reject(new Error(`fake Slack: envelope ${type} was not acknowledged within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelope_id, {
        sent: performance.now(),
        resolve: (a) => {
          clearTimeout(timer);
          resolve(a);
        },
      });
      ws.send(JSON.stringify({ envelope_id, type, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '', payload }));
    });
  }

  /** Connected Socket Mode clients right now. */
  get openConnections(): number {
    return [...this.sockets].filter((s) => s.readyState === s.OPEN).length;
  }

  /** Waits until a Socket Mode client is connected (it has been sent hello). */
  connected(timeoutMs?: number): Promise<true> {
    return this.waitFor(() => this.openConnections > 0 || undefined, 'a Socket Mode connection', timeoutMs);
  }

  /** Cuts every Socket Mode connection without a close handshake, like a network failure. */
  dropConnections(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private changed(): void {
    for (const check of [...this.waiters]) check();
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    this.connectionsOpened++;
    ws.on('message', (data) => {
      let msg: { envelope_id?: string; payload?: unknown };
      try {
        msg = JSON.parse(String(data)) as typeof msg;
      } catch {
        return;
      }
      const pending = msg.envelope_id ? this.pendingAcks.get(msg.envelope_id) : undefined;
      if (!pending || !msg.envelope_id) return;
      this.pendingAcks.delete(msg.envelope_id);
      pending.resolve({ envelope_id: msg.envelope_id, payload: msg.payload, ms: performance.now() - pending.sent });
    });
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.changed();
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: this.sockets.size, debug_info: { host: 'fake-slack' }, connection_info: { app_id: 'A0APP' } }));
    this.changed();
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const respondMatch = /^\/respond\/(\d+)$/.exec(url.pathname);
    if (respondMatch && req.method === 'POST') {
      const body = JSON.parse(raw || '{}') as Record<string, any>;
      const problems = blockProblems(body.blocks, 50);
      if (problems.length > 0) json(400, { ok: false, error: 'invalid_blocks', problems });
      else json(200, { ok: true });
      this.responses.push({ id: Number(respondMatch[1]), body });
      this.changed();
      return;
    }
    if (!url.pathname.startsWith('/api/')) return json(404, { ok: false, error: 'not_found' });
    const method = url.pathname.slice('/api/'.length);
    const args = parseArgs(raw, req.headers['content-type']);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (args.token as string | undefined);
    this.calls.push({ method, args, token });
    json(200, this.answer(method, args, token));
    this.changed();
  }

  private answer(method: string, args: Record<string, any>, token: string | undefined): Record<string, unknown> {
    const failure = this.failing.get(method);
    if (failure) return { ok: false, error: failure };
    if (method === 'apps.connections.open') {
      if (token !== this.appToken) return { ok: false, error: 'invalid_auth' };
      return { ok: true, url: `${this.baseUrl.replace(/^http/, 'ws')}${WS_PATH}?ticket=${++this.ticket}` };
    }
    if (token !== this.botToken) return { ok: false, error: token ? 'invalid_auth' : 'not_authed' };
    const ts = () => `${1_700_000_000 + ++this.seq}.000100`;
    const invalid = (blocks: unknown, max = 50) => {
      const problems = blockProblems(blocks, max);
      return problems.length > 0 ? { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } } : undefined;
    };
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'k8s-bot', team_id: this.teamId, user_id: this.botUserId, bot_id: 'B0BOT' };
      case 'chat.postMessage': {
        if (!args.channel) return { ok: false, error: 'channel_not_found' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        const bad = invalid(args.blocks);
        if (bad) return bad;
        const msg: PostedMessage = { channel: args.channel, ts: ts(), text: args.text, blocks: args.blocks, thread_ts: args.thread_ts };
        this.messages.set(msg.ts, msg);
        return { ok: true, channel: msg.channel, ts: msg.ts, message: { type: 'message', text: msg.text, ts: msg.ts } };
      }
      case 'chat.update': {
        const msg = this.messages.get(String(args.ts));
        if (!msg || msg.channel !== args.channel) return { ok: false, error: 'message_not_found' };
        const bad = invalid(args.blocks);
        if (bad) return bad;
        msg.text = args.text;
        msg.blocks = args.blocks;
        return { ok: true, channel: msg.channel, ts: msg.ts, text: msg.text };
      }
      case 'chat.postEphemeral': {
        if (!args.channel || !args.user) return { ok: false, error: 'channel_not_found' };
        return invalid(args.blocks) ?? { ok: true, message_ts: ts() };
      }
      case 'users.info': {
        const u = this.users.get(String(args.user));
        if (!u) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: u.id,
            team_id: this.teamId,
            name: u.name,
            real_name: u.name,
            is_admin: Boolean(u.isAdmin),
            is_owner: Boolean(u.isOwner),
            ...(args.include_locale && u.locale ? { locale: u.locale } : {}),
            profile: { display_name: u.name, real_name: u.name },
          },
        };
      }
      case 'views.publish': {
        if (!args.user_id || !args.view) return { ok: false, error: 'invalid_arguments' };
        return invalid(args.view.blocks, 100) ?? { ok: true, view: { id: `V${this.seq++}`, type: args.view.type } };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

/** Web API arguments: form fields (nested values arrive as JSON strings) or a JSON body. */
function parseArgs(raw: string, contentType: string | undefined): Record<string, any> {
  if (contentType?.startsWith('application/json')) return JSON.parse(raw || '{}') as Record<string, any>;
  const args: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    args[k] = /^[[{]/.test(v) ? tryJson(v) : v === 'true' ? true : v === 'false' ? false : v;
  }
  return args;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
