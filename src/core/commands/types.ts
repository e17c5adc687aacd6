import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { KnowledgeIndex } from '../search/index.js';
import type { ChatPort, Clock, Logger, Metrics, Random, Timers } from '../ports.js';
import type { Reply } from '../reply.js';
import type { Store } from '../storage/store.js';
import type { QuizService } from '../quiz/quiz-service.js';
import type { DailyService } from '../daily/daily-service.js';

export type Localized = Record<Lang, string>;

export interface OptionDef {
  name: string;
  type: 'string' | 'integer';
  description: Localized;
  required?: boolean;
  choices?: readonly { value: string; label: Localized }[];
  /** Choices that come from the knowledge base (its topics), resolved when commands are registered or parsed. */
  choicesFrom?: 'topics';
  /** In text form, which words this option accepts when given by position. */
  pattern?: RegExp;
  min?: number;
  max?: number;
  /** Offer matching knowledge-base questions while the user types (Discord autocomplete). */
  autocomplete?: boolean;
  /** In text form (console, Slack) this option takes the rest of the line. */
  rest?: boolean;
}

export type Args = Record<string, string | number | undefined>;

export interface Subcommand {
  name: string;
  description: Localized;
  options: readonly OptionDef[];
  admin?: boolean;
  run(ctx: CommandContext, args: Args): Promise<Reply> | Reply;
}

export interface Command {
  name: string;
  description: Localized;
  /** A command has either options and run, or subcommands. */
  options?: readonly OptionDef[];
  subcommands?: readonly Subcommand[];
  admin?: boolean;
  run?(ctx: CommandContext, args: Args): Promise<Reply> | Reply;
}

export type Platform = 'console' | 'discord' | 'slack';

export interface CommandContext {
  platform: Platform;
  user: { id: string; name: string };
  /** Opaque conversation id such as `discord:123` or `slack:C123`; the core never parses it. */
  channelId: string;
  /** Scores and leaderboards are kept per guild/workspace. */
  workspaceId: string;
  isAdmin: boolean;
  /** The language to use when the input itself does not say (help, buttons). */
  lang: Lang;
  services: Services;
}

export interface Settings {
  /** Default seconds per quiz question (QUIZ_SECONDS). */
  quizSeconds: number;
  /** How long a daily question stays open before the reveal (DAILY_REVEAL_AFTER). */
  dailyRevealAfterMs: number;
  /** Default schedule and zone for `daily subscribe` without a time. */
  dailyCron: string;
  dailyTimezone: string;
  /** Language of scheduled daily posts (DEFAULT_LANG). */
  dailyLang: Lang;
  /** Per-user limits: at most `count` uses per `windowMs`, by command name (RATE_LIMIT_*). */
  rateLimits: Record<string, { count: number; windowMs: number }>;
}

export interface Services {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  store: Store;
  clock: Clock;
  logger: Logger;
  chat: ChatPort;
  timers: Timers;
  random: Random;
  metrics: Metrics;
  settings: Settings;
  quiz: QuizService;
  daily: DailyService;
}

/** Everything but the feature services, which are built from it (see createServices). */
export type BaseServices = Omit<Services, 'quiz' | 'daily'>;
