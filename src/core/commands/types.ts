import type { KnowledgeBase, Lang } from '../knowledge/types.js';
import type { KnowledgeIndex } from '../search/index.js';
import type { Clock, Logger } from '../ports.js';
import type { Reply } from '../reply.js';
import type { Store } from '../storage/store.js';

export type Localized = Record<Lang, string>;

export interface OptionDef {
  name: string;
  type: 'string' | 'integer';
  description: Localized;
  required?: boolean;
  choices?: readonly { value: string; label: Localized }[];
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

export interface Services {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  store: Store;
  clock: Clock;
  logger: Logger;
}
