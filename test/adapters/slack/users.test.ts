import { describe, expect, it } from 'vitest';
import { langFromLocale, SlackUserDirectory, type UsersInfo } from '../../../src/adapters/slack/users.js';
import { recordingLogger } from '../../helpers.js';

function directory(answer: (user: string) => Awaited<ReturnType<UsersInfo>>) {
  const calls: string[] = [];
  let now = 0;
  const usersInfo: UsersInfo = async ({ user }) => {
    calls.push(user);
    return answer(user);
  };
  const dir = new SlackUserDirectory(usersInfo, recordingLogger(), { ttlMs: 1000, maxEntries: 2, now: () => now });
  return { dir, calls, advance: (ms: number) => (now += ms) };
}

describe('Slack user directory', () => {
  it('reads admin and owner flags, locale and display name', async () => {
    const { dir } = directory((u) => ({ ok: true, user: { id: u, name: 'n', is_admin: u === 'A', is_owner: u === 'O', locale: u === 'O' ? 'zh-TW' : 'en-US', profile: { display_name: '', real_name: 'Real' } } }));
    expect(await dir.lookup('A')).toEqual({ isAdmin: true, lang: 'en', name: 'Real' });
    expect(await dir.lookup('O')).toEqual({ isAdmin: true, lang: 'zh', name: 'Real' });
    expect(await dir.lookup('X')).toMatchObject({ isAdmin: false });
  });

  it('caches per user for the TTL, shares concurrent look-ups, and stays bounded', async () => {
    const { dir, calls, advance } = directory((u) => ({ ok: true, user: { id: u } }));
    await Promise.all([dir.lookup('A'), dir.lookup('A')]);
    await dir.lookup('A');
    expect(calls).toEqual(['A']);
    advance(1001);
    await dir.lookup('A');
    expect(calls).toEqual(['A', 'A']);
    await dir.lookup('B');
    await dir.lookup('C'); // evicts A, the oldest
    await dir.lookup('A');
    expect(calls).toEqual(['A', 'A', 'B', 'C', 'A']);
  });

  it('treats a failed look-up as a non-admin and asks again next time', async () => {
    let fail = true;
    const { dir, calls } = directory((u) => {
      if (fail) throw new Error('ratelimited');
      return { ok: true, user: { id: u, is_admin: true } };
    });
    expect(await dir.lookup('A')).toEqual({ isAdmin: false });
    fail = false;
    expect(await dir.lookup('A')).toMatchObject({ isAdmin: true });
    expect(calls).toEqual(['A', 'A']);
  });

  it('maps Slack locales to the bot’s languages', () => {
    expect(langFromLocale('zh-CN')).toBe('zh');
    expect(langFromLocale('en-GB')).toBe('en');
    expect(langFromLocale('ja-JP')).toBeUndefined();
    expect(langFromLocale(undefined)).toBeUndefined();
  });
});
