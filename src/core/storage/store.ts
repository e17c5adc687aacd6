/**
 * What the core persists. The SQLite implementation lives outside the core (src/storage) so a
 * server database can be added later behind the same interface.
 */
export interface FeedbackRecord {
  entryId: string;
  workspaceId: string;
  userId: string;
  vote: 'up' | 'down';
  at: Date;
}

export interface Store {
  recordFeedback(f: FeedbackRecord): void;
  feedbackCounts(entryId: string): { up: number; down: number };
  close(): void;
}
