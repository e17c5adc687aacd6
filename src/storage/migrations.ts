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
];
