import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore, StorageError } from '../../src/storage/sqlite-store.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'store-'));

describe('SqliteStore', () => {
  it('creates a missing directory, uses WAL and keeps data across reopen', () => {
    const path = join(tmp(), 'nested', 'dir', 'bot.sqlite');
    const a = SqliteStore.open(path);
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    a.recordFeedback({ entryId: 'e', workspaceId: 'w', userId: 'u', vote: 'up', at: new Date(0) });
    a.close();
    const b = SqliteStore.open(path);
    expect(b.feedbackCounts('e')).toEqual({ up: 1, down: 0 });
    b.close();
  });

  it('names the file when it is not a database', () => {
    const path = join(tmp(), 'bot.sqlite');
    writeFileSync(path, 'this is not a sqlite file, just some text that is long enough to have a header '.repeat(20));
    expect(() => SqliteStore.open(path)).toThrow(StorageError);
    expect(() => SqliteStore.open(path)).toThrow(new RegExp(`Cannot open the database at ${path}`));
  });

  it('lets two connections migrate the same file', () => {
    const path = join(tmp(), 'bot.sqlite');
    const a = SqliteStore.open(path);
    const b = SqliteStore.open(path);
    b.recordFeedback({ entryId: 'e', workspaceId: 'w', userId: 'u', vote: 'down', at: new Date(0) });
    expect(a.feedbackCounts('e')).toEqual({ up: 0, down: 1 });
    a.close();
    b.close();
  });
});

describe('schedule leases', () => {
  it('grants a tick to one holder until the lease expires', () => {
    const s = SqliteStore.open(':memory:');
    const t0 = new Date('2026-03-02T09:00:00Z');
    expect(s.acquireLease('daily:x:2026-03-02T09:00', 'p1', 60_000, t0)).toBe(true);
    expect(s.acquireLease('daily:x:2026-03-02T09:00', 'p2', 60_000, t0)).toBe(false);
    expect(s.acquireLease('daily:x:2026-03-02T09:00', 'p2', 60_000, new Date(t0.getTime() + 61_000))).toBe(true);
  });
});
