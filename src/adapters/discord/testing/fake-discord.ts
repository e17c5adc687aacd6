import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './fake-gateway.js';
import { guildJson, memberJson, messageJson, snowflake, textChannelJson, threadJson, type FakeMessage, type FakeUser } from './fake-payloads.js';

export type { FakeMessage, FakeUser } from './fake-payloads.js';

export interface RecordedRequest {
  index: number;
  method: string;
  /** Path after /api/v10, decoded (`@original`, not `%40original`). */
  path: string;
  query: URLSearchParams;
  /** The parsed JSON body; `any` keeps test assertions short. */
  body: any;
  /** performance.now() at arrival. */
  at: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  /** Gateway sequence number of the INTERACTION_CREATE. */
  seq: number;
}

type Json = Record<string, unknown>;
type Route = (m: RegExpExecArray, req: RecordedRequest) => { status: number; body?: unknown };

const MANAGE_GUILD = 0x20n;

/**
 * A small Discord on 127.0.0.1 for the real discord.js client: REST (`/api/v10/...`) and the
 * gateway (WebSocket), one guild with one text channel. It keeps messages, interaction
 * responses, threads and registered commands the way Discord does, records every request, and
 * lets a test act as users: slash commands, autocomplete, button clicks.
 */
export class FakeDiscord {
  readonly token = 'fake-bot-token';
  readonly appId = snowflake();
  readonly botUser = { id: this.appId, name: 'k8s-bot' };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly requests: RecordedRequest[] = [];
  readonly messages = new Map<string, FakeMessage>();
  /** Registered commands by route ("global" or a guild id). */
  readonly commands = new Map<string, Json[]>();
  /** Threads answer 403 Missing Permissions while this is set. */
  failThreads = false;
  readonly gateway: FakeGateway;

  private readonly channels = new Map<string, Json>();
  private readonly interactions = new Map<string, { token: string; channelId: string; messageId?: string; acknowledged: boolean }>();
  /** The "@original" response message of each interaction token. */
  private readonly originals = new Map<string, string>();
  private readonly events = new EventEmitter();
  private readonly server: Server;
  private port = 0;

  private constructor() {
    this.channels.set(this.channelId, textChannelJson(this.channelId, this.guildId, 'general'));
    this.events.setMaxListeners(100);
    this.gateway = new FakeGateway({
      token: this.token,
      // Resuming goes to the same place: READY's resume_gateway_url must point at the fake too.
      resumeUrl: () => this.gatewayUrl,
      ready: () => ({
        v: 10,
        user: { ...memberJson({ ...this.botUser }).user, bot: true, global_name: null },
        guilds: [{ id: this.guildId, unavailable: true }],
        application: { id: this.appId, flags: 0 },
        shard: [0, 1],
      }),
      afterReady: () => [{ t: 'GUILD_CREATE', d: guildJson(this.guildId, snowflake(), [this.channels.get(this.channelId)]) }],
    });
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').startsWith('/gateway')) this.gateway.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  static async start(): Promise<FakeDiscord> {
    const fake = new FakeDiscord();
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL should be. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  async close(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A member of the guild; `admin` gives Manage Server. */
  user(name: string, options: { admin?: boolean; locale?: string } = {}): FakeUser {
    return { id: snowflake(), name, permissions: options.admin ? MANAGE_GUILD : 0n, locale: options.locale };
  }

  // ---- acting as users -------------------------------------------------------------------

  slash(user: FakeUser, name: string, options: Record<string, string | number> = {}, subcommand?: string): SentInteraction {
    const opts = Object.entries(options).map(([n, value]) => ({ name: n, type: typeof value === 'number' ? 4 : 3, value }));
    return this.interact(user, 2, { id: this.commandId(name), name, type: 1, guild_id: this.guildId, options: subcommand ? [{ type: 1, name: subcommand, options: opts }] : opts });
  }

  autocomplete(user: FakeUser, name: string, focused: string, value: string, options: Record<string, string | number> = {}): SentInteraction {
    const opts = [...Object.entries(options).map(([n, v]) => ({ name: n, type: typeof v === 'number' ? 4 : 3, value: v })), { name: focused, type: 3, value, focused: true }];
    return this.interact(user, 4, { id: this.commandId(name), name, type: 1, guild_id: this.guildId, options: opts });
  }

  click(user: FakeUser, messageId: string, customId: string): SentInteraction {
    const message = this.messages.get(messageId);
    if (!message) throw new Error(`no message ${messageId}`);
    return this.interact(user, 3, { custom_id: customId, component_type: 2 }, message);
  }

  private interact(user: FakeUser, type: number, data: Json, message?: FakeMessage): SentInteraction {
    const id = snowflake();
    const token = `itoken-${id}`;
    const channelId = message?.channel_id ?? this.channelId;
    this.interactions.set(id, { token, channelId, messageId: message?.id, acknowledged: false });
    const seq = this.gateway.dispatch('INTERACTION_CREATE', {
      id,
      application_id: this.appId,
      type,
      token,
      version: 1,
      data,
      guild_id: this.guildId,
      guild: { id: this.guildId, locale: 'en-US', features: [] },
      channel_id: channelId,
      channel: this.channels.get(channelId),
      member: memberJson(user),
      app_permissions: '2248473465835073',
      locale: user.locale ?? 'en-US',
      guild_locale: 'en-US',
      // Without it discord.js throws inside its gateway handler.
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
      ...(message && { message: messageJson(message, this.botUser) }),
    });
    return { id, token, seq };
  }

  private commandId(name: string): string {
    for (const list of this.commands.values()) {
      const found = list.find((c) => c.name === name);
      if (found) return String(found.id);
    }
    return snowflake();
  }

  // ---- waiting for the bot ---------------------------------------------------------------

  /** The index the next request will get: pass it as `since` to wait only for what follows. */
  mark(): number {
    return this.requests.length;
  }

  waitFor(match: (r: RecordedRequest) => boolean, options: { since?: number; timeoutMs?: number } = {}): Promise<RecordedRequest> {
    const found = this.requests.slice(options.since ?? 0).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 5000;
      const timer = setTimeout(() => {
        this.events.off('request', listener);
        const recent = this.requests.slice(-8).map((r) => `${r.method} ${r.path}`);
        reject(new Error(`no matching request within ${timeoutMs} ms; last requests: ${recent.join(', ') || 'none'}`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (r.index < (options.since ?? 0) || !match(r)) return;
        clearTimeout(timer);
        this.events.off('request', listener);
        resolve(r);
      };
      this.events.on('request', listener);
    });
  }

  /** The interaction's first response (reply, defer, update or autocomplete). */
  response(i: SentInteraction, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waitFor((r) => r.method === 'POST' && r.path === `/interactions/${i.id}/${i.token}/callback`, { timeoutMs });
  }

  /** Messages the bot posted in a channel (not interaction responses), oldest first. */
  channelMessages(channelId = this.channelId): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channel_id === channelId && !m.interaction_id);
  }

  /** Every request body that carries a message. */
  messageBodies(): RecordedRequest[] {
    return this.requests.filter((r) => {
      if (r.path.endsWith('/callback')) return r.body?.type === 4 || r.body?.type === 7;
      return (r.method === 'POST' || r.method === 'PATCH') && (/\/messages/.test(r.path) || /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) && !r.path.endsWith('/threads');
    });
  }

  // ---- REST ------------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const recorded: RecordedRequest = { index: this.requests.length, method: req.method ?? 'GET', path, query: url.searchParams, body, at: performance.now() };
    this.requests.push(recorded);

    let result: { status: number; body?: unknown };
    const auth = req.headers.authorization;
    if (auth !== undefined && auth !== `Bot ${this.token}`) result = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
    else result = this.route(recorded);
    if (result.body === undefined) {
      res.writeHead(result.status);
      res.end();
    } else {
      res.writeHead(result.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(result.body));
    }
    this.events.emit('request', recorded);
  }

  private route(r: RecordedRequest): { status: number; body?: unknown } {
    const routes: [string, RegExp, Route][] = [
      ['GET', /^\/gateway\/bot$/, () => ({ status: 200, body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } } })],
      ['GET', /^\/(?:oauth2\/)?applications\/@me$/, () => ({ status: 200, body: { id: this.appId, name: 'k8s-bot', bot_public: true, flags: 0 } })],
      ['GET', /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/, (m) => ({ status: 200, body: this.commands.get(m[2] ?? 'global') ?? [] })],
      ['PUT', /^\/applications\/(\d+)\/(?:guilds\/(\d+)\/)?commands$/, (m, req) => this.putCommands(m[1]!, m[2], req.body)],
      ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, (m, req) => this.callback(m[1]!, m[2]!, req.body)],
      ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, (m, req) => this.editResponse(m[2]!, m[3]!, req.body)],
      ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/, (m) => this.deleteResponse(m[2]!, m[3]!)],
      ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, (m, req) => this.followUp(m[2]!, req.body)],
      ['GET', /^\/channels\/(\d+)$/, (m) => (this.channels.has(m[1]!) ? { status: 200, body: this.channels.get(m[1]!) } : unknown('Channel', 10003))],
      ['POST', /^\/channels\/(\d+)\/messages$/, (m, req) => this.createMessage(m[1]!, req.body)],
      ['PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, (m, req) => this.editMessage(m[1]!, m[2]!, req.body)],
      ['POST', /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/, (m, req) => this.startThread(m[1]!, m[2]!, req.body)],
    ];
    for (const [method, re, handler] of routes) {
      const m = re.exec(r.path);
      if (m && method === r.method) return handler(m, r);
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  private putCommands(appId: string, guildId: string | undefined, body: unknown): { status: number; body?: unknown } {
    if (appId !== this.appId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    if (!Array.isArray(body)) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
    // Discord answers with what it stored: the commands plus ids, versions and defaults.
    const stored = (body as Json[]).map((c) => ({
      id: snowflake(),
      application_id: appId,
      version: snowflake(),
      default_member_permissions: null,
      type: 1,
      nsfw: false,
      ...(guildId && { guild_id: guildId }),
      ...c,
    }));
    this.commands.set(guildId ?? 'global', stored);
    return { status: 200, body: stored };
  }

  private newMessage(channelId: string, data: Json, extra: Partial<FakeMessage> = {}): FakeMessage {
    const channel = this.channels.get(channelId);
    const message: FakeMessage = {
      id: snowflake(),
      channel_id: channelId,
      guild_id: channel ? String(channel.guild_id) : undefined,
      content: typeof data.content === 'string' ? data.content : '',
      embeds: (data.embeds as unknown[]) ?? [],
      components: (data.components as unknown[]) ?? [],
      flags: Number(data.flags ?? 0),
      allowed_mentions: data.allowed_mentions,
      message_reference: data.message_reference as FakeMessage['message_reference'],
      edited: 0,
      ...extra,
    };
    this.messages.set(message.id, message);
    return message;
  }

  private applyEdit(message: FakeMessage, data: Json): FakeMessage {
    if (data.content !== undefined) message.content = String(data.content ?? '');
    if (data.embeds !== undefined) message.embeds = (data.embeds as unknown[]) ?? [];
    if (data.components !== undefined) message.components = (data.components as unknown[]) ?? [];
    if (data.allowed_mentions !== undefined) message.allowed_mentions = data.allowed_mentions;
    message.edited++;
    return message;
  }

  private callback(id: string, token: string, body: Json): { status: number; body?: unknown } {
    const interaction = this.interactions.get(id);
    if (!interaction || interaction.token !== token) return unknown('Interaction', 10062);
    if (interaction.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
    const data = (body.data as Json) ?? {};
    switch (body.type) {
      case 4: // reply
      case 5: // deferred reply
        this.originals.set(token, this.newMessage(interaction.channelId, data, { interaction_id: id }).id);
        break;
      case 6: // deferred update
      case 7: // update the clicked message
        if (!interaction.messageId) return { status: 400, body: { message: 'Not a component interaction', code: 50035 } };
        if (body.type === 7) this.applyEdit(this.messages.get(interaction.messageId)!, data);
        this.originals.set(token, interaction.messageId);
        break;
      case 8: // autocomplete
        break;
      default:
        return { status: 400, body: { message: `unsupported callback type ${String(body.type)}`, code: 50035 } };
    }
    interaction.acknowledged = true;
    return { status: 204 };
  }

  private editResponse(token: string, which: string, body: Json): { status: number; body?: unknown } {
    const messageId = which === '@original' ? this.originals.get(token) : which;
    const message = messageId ? this.messages.get(messageId) : undefined;
    if (!message) return unknown('Message', 10008);
    return { status: 200, body: messageJson(this.applyEdit(message, body), this.botUser) };
  }

  private deleteResponse(token: string, which: string): { status: number; body?: unknown } {
    const messageId = which === '@original' ? this.originals.get(token) : which;
    if (!messageId || !this.messages.delete(messageId)) return unknown('Message', 10008);
    return { status: 204 };
  }

  private followUp(token: string, body: Json): { status: number; body?: unknown } {
    const entry = [...this.interactions.entries()].find(([, i]) => i.token === token);
    if (!entry || !this.originals.has(token)) return unknown('Webhook', 10015);
    return { status: 200, body: messageJson(this.newMessage(entry[1].channelId, body, { interaction_id: entry[0] }), this.botUser) };
  }

  private createMessage(channelId: string, body: Json): { status: number; body?: unknown } {
    if (!this.channels.has(channelId)) return unknown('Channel', 10003);
    return { status: 200, body: messageJson(this.newMessage(channelId, body), this.botUser) };
  }

  private editMessage(channelId: string, messageId: string, body: Json): { status: number; body?: unknown } {
    const message = this.messages.get(messageId);
    if (!message || message.channel_id !== channelId) return unknown('Message', 10008);
    return { status: 200, body: messageJson(this.applyEdit(message, body), this.botUser) };
  }

  private startThread(channelId: string, messageId: string, body: Json): { status: number; body?: unknown } {
    if (this.failThreads) return { status: 403, body: { message: 'Missing Permissions', code: 50013 } };
    if (!this.messages.has(messageId)) return unknown('Message', 10008);
    const thread = threadJson(snowflake(), this.guildId, channelId, String(body.name ?? 'thread'), this.botUser.id);
    this.channels.set(thread.id, thread);
    return { status: 201, body: thread };
  }
}

const unknown = (what: string, code: number) => ({ status: 404, body: { message: `Unknown ${what}`, code } });
