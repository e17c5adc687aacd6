/** Append-only: a released migration is never edited, only followed by a new one. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE feedback (
     entry_id TEXT NOT NULL,
     workspace_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
     at TEXT NOT NULL,
     PRIMARY KEY (entry_id, workspace_id, user_id)
   )`,
  // Quiz rounds. The partial unique index is what makes "one round per channel" hold even with
  // two bot processes on one database.
  `CREATE TABLE quiz_rounds (
     id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     started_by TEXT NOT NULL,
     lang TEXT NOT NULL,
     topic TEXT,
     level TEXT,
     seconds INTEGER NOT NULL,
     total INTEGER NOT NULL,
     current INTEGER NOT NULL DEFAULT 0,
     status TEXT NOT NULL CHECK (status IN ('running', 'finished')),
     created_at TEXT NOT NULL,
     finished_at TEXT
   );
   CREATE UNIQUE INDEX one_running_round_per_channel ON quiz_rounds (channel_id) WHERE status = 'running';
   CREATE TABLE quiz_questions (
     round_id TEXT NOT NULL REFERENCES quiz_rounds (id),
     idx INTEGER NOT NULL,
     entry_id TEXT NOT NULL,
     quiz_index INTEGER NOT NULL,
     option_order TEXT NOT NULL,
     posted_at TEXT,
     deadline_at TEXT,
     closed_at TEXT,
     message_ref TEXT,
     PRIMARY KEY (round_id, idx)
   );
   CREATE TABLE quiz_answers (
     round_id TEXT NOT NULL,
     idx INTEGER NOT NULL,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     choice INTEGER NOT NULL,
     correct INTEGER NOT NULL,
     answered_at TEXT NOT NULL,
     PRIMARY KEY (round_id, idx, user_id)
   );
   -- Every graded answer, quiz or daily: leaderboards and stats are queries over this log.
   CREATE TABLE answer_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     workspace_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('quiz', 'daily')),
     entry_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     correct INTEGER NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX answer_log_by_user ON answer_log (workspace_id, user_id, at);
   CREATE INDEX answer_log_by_time ON answer_log (workspace_id, at);`,
  // Daily questions. UNIQUE (channel_id, local_date) is the guarantee of at most one post per
  // channel per calendar day, whatever fires how often and however many processes run.
  `CREATE TABLE daily_subscriptions (
     channel_id TEXT PRIMARY KEY,
     workspace_id TEXT NOT NULL,
     cron TEXT NOT NULL,
     timezone TEXT NOT NULL,
     topic TEXT,
     level TEXT,
     source TEXT NOT NULL CHECK (source IN ('command', 'env')),
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE daily_posts (
     id TEXT PRIMARY KEY,
     channel_id TEXT NOT NULL,
     workspace_id TEXT NOT NULL,
     local_date TEXT NOT NULL,
     lang TEXT NOT NULL,
     entry_id TEXT NOT NULL,
     quiz_index INTEGER NOT NULL,
     option_order TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     posted_at TEXT,
     reveal_at TEXT,
     revealed_at TEXT,
     message_ref TEXT,
     UNIQUE (channel_id, local_date)
   );
   CREATE TABLE daily_answers (
     post_id TEXT NOT NULL REFERENCES daily_posts (id),
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     choice INTEGER NOT NULL,
     correct INTEGER NOT NULL,
     answered_at TEXT NOT NULL,
     PRIMARY KEY (post_id, user_id)
   );
   CREATE TABLE daily_streaks (
     channel_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     current INTEGER NOT NULL,
     best INTEGER NOT NULL,
     last_post_id TEXT NOT NULL,
     PRIMARY KEY (channel_id, user_id)
   );
   -- Leases for node-cron's distributed mode: one process runs a scheduled tick.
   CREATE TABLE schedule_leases (
     key TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     expires_at TEXT NOT NULL
   );`,
];
