import type { webApi } from '@slack/bolt';
import type { Lang } from '../../core/knowledge/types.js';
import type { Logger } from '../../core/ports.js';

export interface SlackUser {
  /** Workspace admin or owner. */
  isAdmin: boolean;
  lang?: Lang;
  name?: string;
}

/** The one Web API method this needs, so tests and the adapter can hand in any client. */
export type UsersInfo = (args: { user: string; include_locale: boolean }) => Promise<webApi.UsersInfoResponse>;

/** zh, zh-CN, zh-TW… → zh; en-US… → en; anything else: no opinion. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^zh\b/i.test(locale)) return 'zh';
  if (/^en\b/i.test(locale)) return 'en';
  return undefined;
}

/**
 * Who a Slack user is, from `users.info`: admin rights, locale and display name. Answers are
 * cached for a while (promotions take effect within `ttlMs`), and concurrent look-ups of one user
 * share a request. A failed look-up counts as "not an admin" and is not cached.
 */
export class SlackUserDirectory {
  private readonly cache = new Map<string, { at: number; user: Promise<SlackUser> }>();

  constructor(
    private readonly usersInfo: UsersInfo,
    private readonly logger: Logger,
    private readonly options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {},
  ) {}

  lookup(userId: string): Promise<SlackUser> {
    const now = (this.options.now ?? Date.now)();
    const hit = this.cache.get(userId);
    if (hit && now - hit.at < (this.options.ttlMs ?? 10 * 60_000)) return hit.user;
    const user: Promise<SlackUser> = this.fetch(userId).then((r) => {
      if (!r.ok && this.cache.get(userId)?.user === user) this.cache.delete(userId);
      return r.user;
    });
    this.cache.delete(userId);
    this.cache.set(userId, { at: now, user });
    // A Map iterates in insertion order, so the first key is the oldest entry.
    if (this.cache.size > (this.options.maxEntries ?? 5000)) this.cache.delete(this.cache.keys().next().value!);
    return user;
  }

  private async fetch(userId: string): Promise<{ ok: boolean; user: SlackUser }> {
    try {
      const u = (await this.usersInfo({ user: userId, include_locale: true })).user;
      const user: SlackUser = {
        isAdmin: Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner),
        lang: langFromLocale(u?.locale),
        name: u?.profile?.display_name || u?.profile?.real_name || u?.real_name || u?.name || undefined,
      };
      return { ok: true, user };
    } catch (err) {
      this.logger.warn('slack users.info failed; treating the user as a non-admin', { user: userId, err });
      return { ok: false, user: { isAdmin: false } };
    }
  }
}
