import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

export interface GatewayIdentity {
  /** READY's data for a new session (session id and resume URL are filled in here). */
  ready(): Record<string, unknown>;
  /** Dispatched right after READY, e.g. GUILD_CREATE for each guild READY listed as unavailable. */
  afterReady(): { t: string; d: unknown }[];
  resumeUrl(): string;
  token: string;
}

/** Keeps this many dispatches for resuming; a test sends far fewer. */
const REPLAY_LOG = 1000;

/**
 * The gateway side of the fake: HELLO, IDENTIFY → READY, heartbeats, and RESUME with replay of
 * what was dispatched while the client was away, like Discord's. `drop()` cuts the connection
 * without a close frame; `hold()` makes new connections wait for their HELLO until `release()`.
 */
export class FakeGateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private live = false;
  private session: { id: string; seq: number; log: Dispatch[] } | undefined;
  private holding = false;
  private held: WebSocket[] = [];
  identifies = 0;
  resumes = 0;
  /** performance.now() when each dispatch went out (or was replayed), by its sequence number. */
  readonly sentAt = new Map<number, number>();

  constructor(private readonly identity: GatewayIdentity) {
    this.wss.on('connection', (ws) => {
      ws.on('error', () => undefined);
      if (this.holding) this.held.push(ws);
      else this.greet(ws);
    });
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Whether a client is connected and has a session (READY or RESUMED sent). */
  get connected(): boolean {
    return this.live;
  }

  /** Sends an event now, or keeps it for the resume if the client is away. Returns its sequence number. */
  dispatch(t: string, d: unknown): number {
    if (!this.session) throw new Error('no gateway session: the client never identified');
    const packet: Dispatch = { op: 0, t, s: ++this.session.seq, d };
    this.session.log.push(packet);
    if (this.session.log.length > REPLAY_LOG) this.session.log.shift();
    if (this.live) this.send(packet);
    return packet.s;
  }

  drop(): void {
    this.live = false;
    this.socket?.terminate();
    this.socket = undefined;
  }

  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const ws of this.held.splice(0)) this.greet(ws);
  }

  async close(): Promise<void> {
    for (const ws of [...this.wss.clients]) ws.terminate();
    this.held = [];
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private greet(ws: WebSocket): void {
    if (this.socket && this.socket !== ws) this.socket.terminate();
    this.socket = ws;
    this.live = false;
    ws.on('message', (raw) => this.onMessage(ws, raw));
    ws.on('close', () => {
      if (this.socket === ws) {
        this.live = false;
        this.socket = undefined;
      }
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
  }

  private send(packet: Dispatch): void {
    this.sentAt.set(packet.s, performance.now());
    this.socket?.send(JSON.stringify(packet));
  }

  private onMessage(ws: WebSocket, raw: RawData): void {
    let msg: { op?: number; d?: Record<string, unknown> };
    try {
      msg = JSON.parse(raw.toString()) as typeof msg;
    } catch {
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (msg.op) {
      case 1: // heartbeat
        ws.send(JSON.stringify({ op: 11 }));
        return;
      case 2: {
        if (msg.d?.token !== this.identity.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        this.identifies++;
        this.session = { id: randomBytes(8).toString('hex'), seq: 0, log: [] };
        this.live = true;
        this.dispatch('READY', { ...this.identity.ready(), session_id: this.session.id, resume_gateway_url: this.identity.resumeUrl() });
        for (const e of this.identity.afterReady()) this.dispatch(e.t, e.d);
        return;
      }
      case 6: {
        const seq = Number(msg.d?.seq ?? 0);
        if (!this.session || msg.d?.session_id !== this.session.id || msg.d?.token !== this.identity.token) {
          ws.send(JSON.stringify({ op: 9, d: false }));
          return;
        }
        this.resumes++;
        this.live = true;
        for (const packet of this.session.log) if (packet.s > seq) this.send(packet);
        this.dispatch('RESUMED', null);
        return;
      }
      default:
        return;
    }
  }
}
