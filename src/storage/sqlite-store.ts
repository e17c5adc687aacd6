import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackRecord, Store } from '../core/storage/store.js';
import { MIGRATIONS } from './migrations.js';

export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** Opens (creating if needed) the database, switches to WAL and applies pending migrations. */
export function openDatabase(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new StorageError(`Cannot open the database at ${path}: ${detail}. If the file is corrupt, move it away and start again (a new database is created), or restore it from a backup.`, { cause: err });
  }
  return db;
}

function migrate(db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const [i, sql] of MIGRATIONS.entries()) {
    const version = i + 1;
    if (applied.has(version)) continue;
    // Two processes may start together: the transaction plus the primary key make one of them win.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(version);
      if (again) return;
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
    }).immediate();
  }
}

export class SqliteStore implements Store {
  constructor(readonly db: Database.Database) {}

  static open(path: string): SqliteStore {
    return new SqliteStore(openDatabase(path));
  }

  recordFeedback(f: FeedbackRecord): void {
    this.db
      .prepare(
        `INSERT INTO feedback (entry_id, workspace_id, user_id, vote, at) VALUES (@entryId, @workspaceId, @userId, @vote, @at)
         ON CONFLICT (entry_id, workspace_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
      )
      .run({ ...f, at: f.at.toISOString() });
  }

  feedbackCounts(entryId: string): { up: number; down: number } {
    const row = this.db
      .prepare(`SELECT SUM(vote = 'up') AS up, SUM(vote = 'down') AS down FROM feedback WHERE entry_id = ?`)
      .get(entryId) as { up: number | null; down: number | null };
    return { up: row.up ?? 0, down: row.down ?? 0 };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

