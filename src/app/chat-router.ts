import type { ChatPort } from '../core/ports.js';
import type { Reply } from '../core/reply.js';

/**
 * One ChatPort for the core, many platforms behind it: channel ids and message references carry
 * their platform as a prefix (`discord:…`, `slack:…`, `console:…`), and only the router reads it.
 */
export class ChatRouter implements ChatPort {
  private readonly ports = new Map<string, ChatPort>();

  register(platform: string, port: ChatPort): void {
    this.ports.set(platform, port);
  }

  private portFor(id: string): ChatPort {
    const platform = id.slice(0, id.indexOf(':'));
    const port = this.ports.get(platform);
    if (!port) throw new Error(`no chat adapter is running for "${platform}" (id ${id})`);
    return port;
  }

  post(channelId: string, reply: Reply, options?: { threadOf?: string }): Promise<string | undefined> {
    return this.portFor(channelId).post(channelId, reply, options);
  }

  edit(messageRef: string, reply: Reply): Promise<void> {
    return this.portFor(messageRef).edit(messageRef, reply);
  }

  async workspaceOf(channelId: string): Promise<string | undefined> {
    return this.portFor(channelId).workspaceOf?.(channelId);
  }

  has(platform: string): boolean {
    return this.ports.has(platform);
  }
}
