import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Lang, Level } from '../core/knowledge/types.js';
import type {
  Answer,
  AnswerLogRow,
  DailyPost,
  DailyStreak,
  DailySubscription,
  FeedbackRecord,
  LeaderboardRow,
  QuizQuestion,
  QuizRound,
  Store,
} from '../core/storage/store.js';
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

  // ---- quiz -------------------------------------------------------------------------------

  createRound(round: QuizRound, questions: QuizQuestion[]): boolean {
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO quiz_rounds (id, workspace_id, channel_id, started_by, lang, topic, level, seconds, total, current, status, created_at)
             VALUES (@id, @workspaceId, @channelId, @startedBy, @lang, @topic, @level, @seconds, @total, @current, @status, @createdAt)`,
          )
          .run({ ...round, topic: round.topic ?? null, level: round.level ?? null, createdAt: iso(round.createdAt) });
        const q = this.db.prepare(`INSERT INTO quiz_questions (round_id, idx, entry_id, quiz_index, option_order) VALUES (?, ?, ?, ?, ?)`);
        for (const x of questions) q.run(x.roundId, x.idx, x.entryId, x.quizIndex, JSON.stringify(x.optionOrder));
      }).immediate();
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  getRound(id: string): QuizRound | undefined {
    return toRound(this.db.prepare('SELECT * FROM quiz_rounds WHERE id = ?').get(id));
  }

  runningRoundIn(channelId: string): QuizRound | undefined {
    return toRound(this.db.prepare(`SELECT * FROM quiz_rounds WHERE channel_id = ? AND status = 'running'`).get(channelId));
  }

  runningRounds(): QuizRound[] {
    return this.db.prepare(`SELECT * FROM quiz_rounds WHERE status = 'running' ORDER BY created_at`).all().map((r) => toRound(r)!);
  }

  getQuestion(roundId: string, idx: number): QuizQuestion | undefined {
    const r = this.db.prepare('SELECT * FROM quiz_questions WHERE round_id = ? AND idx = ?').get(roundId, idx) as Row | undefined;
    if (!r) return undefined;
    return {
      roundId: str(r.round_id),
      idx: num(r.idx),
      entryId: str(r.entry_id),
      quizIndex: num(r.quiz_index),
      optionOrder: JSON.parse(str(r.option_order)) as number[],
      postedAt: date(r.posted_at),
      deadlineAt: date(r.deadline_at),
      closedAt: date(r.closed_at),
      messageRef: optStr(r.message_ref),
    };
  }

  markQuestionPosted(roundId: string, idx: number, postedAt: Date, deadlineAt: Date, messageRef: string | undefined): void {
    this.db
      .prepare('UPDATE quiz_questions SET posted_at = ?, deadline_at = ?, message_ref = ? WHERE round_id = ? AND idx = ?')
      .run(iso(postedAt), iso(deadlineAt), messageRef ?? null, roundId, idx);
  }

  closeQuestion(roundId: string, idx: number, at: Date): boolean {
    return this.db.prepare('UPDATE quiz_questions SET closed_at = ? WHERE round_id = ? AND idx = ? AND closed_at IS NULL').run(iso(at), roundId, idx).changes === 1;
  }

  setRoundCurrent(roundId: string, idx: number): void {
    this.db.prepare('UPDATE quiz_rounds SET current = ? WHERE id = ?').run(idx, roundId);
  }

  finishRound(roundId: string, at: Date): boolean {
    return this.db.prepare(`UPDATE quiz_rounds SET status = 'finished', finished_at = ? WHERE id = ? AND status = 'running'`).run(iso(at), roundId).changes === 1;
  }

  recordQuizAnswer(roundId: string, idx: number, a: Answer): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO quiz_answers (round_id, idx, user_id, user_name, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(roundId, idx, a.userId, a.userName, a.choice, a.correct ? 1 : 0, iso(a.answeredAt)).changes === 1
    );
  }

  questionAnswers(roundId: string, idx: number): Answer[] {
    return this.db.prepare('SELECT * FROM quiz_answers WHERE round_id = ? AND idx = ? ORDER BY answered_at, user_id').all(roundId, idx).map(toAnswer);
  }

  roundAnswers(roundId: string): (Answer & { idx: number })[] {
    return this.db
      .prepare('SELECT * FROM quiz_answers WHERE round_id = ? ORDER BY idx, answered_at')
      .all(roundId)
      .map((r) => ({ ...toAnswer(r), idx: num((r as Row).idx) }));
  }

  // ---- scores -------------------------------------------------------------------------------

  logAnswers(rows: AnswerLogRow[]): void {
    const insert = this.db.prepare(
      `INSERT INTO answer_log (workspace_id, user_id, user_name, kind, entry_id, topic, correct, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const r of rows) insert.run(r.workspaceId, r.userId, r.userName, r.kind, r.entryId, r.topic, r.correct ? 1 : 0, iso(r.at));
    })();
  }

  leaderboard(workspaceId: string, since: Date | undefined, limit: number): LeaderboardRow[] {
    return this.db
      .prepare(
        `SELECT user_id, (SELECT user_name FROM answer_log l2 WHERE l2.workspace_id = l.workspace_id AND l2.user_id = l.user_id ORDER BY at DESC LIMIT 1) AS user_name,
                SUM(correct) AS correct, COUNT(*) AS answered
         FROM answer_log l WHERE workspace_id = ? AND at >= ?
         GROUP BY user_id ORDER BY correct DESC, answered ASC, user_id LIMIT ?`,
      )
      .all(workspaceId, since ? iso(since) : '', limit)
      .map((r) => {
        const row = r as Row;
        return { userId: str(row.user_id), userName: str(row.user_name), correct: num(row.correct), answered: num(row.answered) };
      });
  }

  userAnswerLog(workspaceId: string, userId: string): AnswerLogRow[] {
    return this.db
      .prepare('SELECT * FROM answer_log WHERE workspace_id = ? AND user_id = ? ORDER BY at, id')
      .all(workspaceId, userId)
      .map((r) => {
        const row = r as Row;
        return {
          workspaceId: str(row.workspace_id),
          userId: str(row.user_id),
          userName: str(row.user_name),
          kind: str(row.kind) as 'quiz' | 'daily',
          entryId: str(row.entry_id),
          topic: str(row.topic),
          correct: num(row.correct) === 1,
          at: new Date(str(row.at)),
        };
      });
  }

  // ---- daily --------------------------------------------------------------------------------

  upsertSubscription(sub: DailySubscription): void {
    this.db
      .prepare(
        `INSERT INTO daily_subscriptions (channel_id, workspace_id, cron, timezone, topic, level, source, created_by, created_at)
         VALUES (@channelId, @workspaceId, @cron, @timezone, @topic, @level, @source, @createdBy, @createdAt)
         ON CONFLICT (channel_id) DO UPDATE SET workspace_id = excluded.workspace_id, cron = excluded.cron, timezone = excluded.timezone,
           topic = excluded.topic, level = excluded.level, source = excluded.source, created_by = excluded.created_by, created_at = excluded.created_at`,
      )
      .run({ ...sub, topic: sub.topic ?? null, level: sub.level ?? null, createdAt: iso(sub.createdAt) });
  }

  deleteSubscription(channelId: string): boolean {
    return this.db.prepare('DELETE FROM daily_subscriptions WHERE channel_id = ?').run(channelId).changes === 1;
  }

  getSubscription(channelId: string): DailySubscription | undefined {
    return toSubscription(this.db.prepare('SELECT * FROM daily_subscriptions WHERE channel_id = ?').get(channelId));
  }

  listSubscriptions(): DailySubscription[] {
    return this.db.prepare('SELECT * FROM daily_subscriptions ORDER BY channel_id').all().map((r) => toSubscription(r)!);
  }

  claimDailyPost(p: DailyPost): boolean {
    return (
      this.db
        .prepare(
          `INSERT OR IGNORE INTO daily_posts (id, channel_id, workspace_id, local_date, lang, entry_id, quiz_index, option_order, claimed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(p.id, p.channelId, p.workspaceId, p.localDate, p.lang, p.entryId, p.quizIndex, JSON.stringify(p.optionOrder), iso(p.claimedAt)).changes === 1
    );
  }

  reclaimDailyPost(id: string, staleBefore: Date, now: Date): boolean {
    return this.db.prepare('UPDATE daily_posts SET claimed_at = ? WHERE id = ? AND posted_at IS NULL AND claimed_at < ?').run(iso(now), id, iso(staleBefore)).changes === 1;
  }

  getDailyPost(id: string): DailyPost | undefined {
    return toPost(this.db.prepare('SELECT * FROM daily_posts WHERE id = ?').get(id));
  }

  dailyPostOn(channelId: string, localDate: string): DailyPost | undefined {
    return toPost(this.db.prepare('SELECT * FROM daily_posts WHERE channel_id = ? AND local_date = ?').get(channelId, localDate));
  }

  dailyPostsIn(channelId: string): DailyPost[] {
    return this.db.prepare('SELECT * FROM daily_posts WHERE channel_id = ? ORDER BY local_date').all(channelId).map((r) => toPost(r)!);
  }

  unrevealedDailyPosts(): DailyPost[] {
    return this.db.prepare('SELECT * FROM daily_posts WHERE posted_at IS NOT NULL AND revealed_at IS NULL ORDER BY posted_at').all().map((r) => toPost(r)!);
  }

  markDailyPosted(id: string, postedAt: Date, revealAt: Date, messageRef: string | undefined): void {
    this.db.prepare('UPDATE daily_posts SET posted_at = ?, reveal_at = ?, message_ref = ? WHERE id = ?').run(iso(postedAt), iso(revealAt), messageRef ?? null, id);
  }

  markDailyRevealed(id: string, at: Date): boolean {
    return this.db.prepare('UPDATE daily_posts SET revealed_at = ? WHERE id = ? AND revealed_at IS NULL').run(iso(at), id).changes === 1;
  }

  recordDailyAnswer(postId: string, a: Answer): boolean {
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO daily_answers (post_id, user_id, user_name, choice, correct, answered_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(postId, a.userId, a.userName, a.choice, a.correct ? 1 : 0, iso(a.answeredAt)).changes === 1
    );
  }

  dailyAnswers(postId: string): Answer[] {
    return this.db.prepare('SELECT * FROM daily_answers WHERE post_id = ? ORDER BY answered_at, user_id').all(postId).map(toAnswer);
  }

  getDailyStreak(channelId: string, userId: string): DailyStreak | undefined {
    const r = this.db.prepare('SELECT * FROM daily_streaks WHERE channel_id = ? AND user_id = ?').get(channelId, userId) as Row | undefined;
    return r ? { current: num(r.current), best: num(r.best), lastPostId: str(r.last_post_id) } : undefined;
  }

  setDailyStreak(channelId: string, userId: string, s: DailyStreak): void {
    this.db
      .prepare(
        `INSERT INTO daily_streaks (channel_id, user_id, current, best, last_post_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (channel_id, user_id) DO UPDATE SET current = excluded.current, best = excluded.best, last_post_id = excluded.last_post_id`,
      )
      .run(channelId, userId, s.current, s.best, s.lastPostId);
  }

  acquireLease(key: string, holder: string, ttlMs: number, now: Date): boolean {
    const expires = iso(new Date(now.getTime() + ttlMs));
    return (
      this.db
        .prepare(
          `INSERT INTO schedule_leases (key, holder, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
           WHERE schedule_leases.expires_at <= ? OR schedule_leases.holder = excluded.holder`,
        )
        .run(key, holder, expires, iso(now)).changes === 1
    );
  }

  healthy(): boolean {
    try {
      return this.db.open && this.db.prepare('SELECT 1').pluck().get() === 1;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}


type Row = Record<string, unknown>;
const iso = (d: Date) => d.toISOString();
const str = (v: unknown) => String(v);
const num = (v: unknown) => Number(v);
const optStr = (v: unknown) => (v === null || v === undefined ? undefined : String(v));
const date = (v: unknown) => (v === null || v === undefined ? undefined : new Date(String(v)));

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

function toRound(v: unknown): QuizRound | undefined {
  if (!v) return undefined;
  const r = v as Row;
  return {
    id: str(r.id),
    workspaceId: str(r.workspace_id),
    channelId: str(r.channel_id),
    startedBy: str(r.started_by),
    lang: str(r.lang) as Lang,
    topic: optStr(r.topic),
    level: optStr(r.level) as Level | undefined,
    seconds: num(r.seconds),
    total: num(r.total),
    current: num(r.current),
    status: str(r.status) as 'running' | 'finished',
    createdAt: new Date(str(r.created_at)),
  };
}

function toAnswer(v: unknown): Answer {
  const r = v as Row;
  return { userId: str(r.user_id), userName: str(r.user_name), choice: num(r.choice), correct: num(r.correct) === 1, answeredAt: new Date(str(r.answered_at)) };
}

function toSubscription(v: unknown): DailySubscription | undefined {
  if (!v) return undefined;
  const r = v as Row;
  return {
    channelId: str(r.channel_id),
    workspaceId: str(r.workspace_id),
    cron: str(r.cron),
    timezone: str(r.timezone),
    topic: optStr(r.topic),
    level: optStr(r.level) as Level | undefined,
    source: str(r.source) as 'command' | 'env',
    createdBy: str(r.created_by),
    createdAt: new Date(str(r.created_at)),
  };
}

function toPost(v: unknown): DailyPost | undefined {
  if (!v) return undefined;
  const r = v as Row;
  return {
    id: str(r.id),
    channelId: str(r.channel_id),
    workspaceId: str(r.workspace_id),
    localDate: str(r.local_date),
    lang: str(r.lang) as Lang,
    entryId: str(r.entry_id),
    quizIndex: num(r.quiz_index),
    optionOrder: JSON.parse(str(r.option_order)) as number[],
    claimedAt: new Date(str(r.claimed_at)),
    postedAt: date(r.posted_at),
    revealAt: date(r.reveal_at),
    revealedAt: date(r.revealed_at),
    messageRef: optStr(r.message_ref),
  };
}
