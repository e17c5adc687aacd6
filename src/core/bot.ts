import { parseAction } from './actions.js';
import { handleFlashcardAction } from './commands/flashcard-command.js';
import { renderEntry } from './answer/render.js';
import { UserError } from './errors.js';
import { t } from './i18n.js';
import type { Lang } from './knowledge/types.js';
import { parseCommandText, type Invocation } from './commands/parse-text.js';
import type { Args, Command, CommandContext } from './commands/types.js';
import { textReply, type Reply } from './reply.js';
import { RateLimiter } from './rate-limit.js';

/** How an adapter should deliver the reply to a button click. */
export interface ActionReply {
  reply: Reply;
  /** update: replace the clicked message; reply: a new message in the channel; ephemeral: only the clicker sees it. */
  mode: 'update' | 'reply' | 'ephemeral';
}

export interface AutocompleteChoice {
  name: string;
  value: string;
}

/**
 * The platform-independent bot: commands in, replies out. Adapters translate platform events
 * into calls here and render what comes back; they own error boundaries and platform limits.
 */
export class Bot {
  private limiter?: RateLimiter;

  constructor(readonly commands: readonly Command[]) {}

  /** A line of text: a `/command ...` or a plain question. */
  async handleText(ctx: CommandContext, text: string, options: { slashOptional?: boolean } = {}): Promise<Reply> {
    const inv = parseCommandText(text, this.commands, ctx.lang, { ...options, topics: ctx.services.kb.topics.map((t) => t.id) });
    return this.invoke(ctx, inv);
  }

  /** A structured invocation, e.g. a Discord slash command whose options arrive already parsed. */
  async runCommand(ctx: CommandContext, name: string, subcommand: string | undefined, args: Args): Promise<Reply> {
    const command = this.commands.find((c) => c.name === name);
    if (!command) throw new UserError(t(ctx.lang, 'unknownCommand', { name }));
    const sub = subcommand ? command.subcommands?.find((s) => s.name === subcommand) : undefined;
    if (subcommand && !sub) throw new UserError(t(ctx.lang, 'unknownCommand', { name: `${name} ${subcommand}` }));
    return this.invoke(ctx, { command, subcommand: sub, args });
  }

  private async invoke(ctx: CommandContext, inv: Invocation): Promise<Reply> {
    if ((inv.command.admin || inv.subcommand?.admin) && !ctx.isAdmin) {
      return textReply(
        ctx.lang === 'zh' ? '只有管理员可以使用这个命令。' : 'Only admins can use this command.',
        { ephemeral: true },
      );
    }
    const wait = this.rateLimiter(ctx).take(inv.command.name, ctx.user.id);
    if (wait > 0 && !(inv.command.name === 'quiz' && inv.args.action === 'stop')) {
      ctx.services.metrics.rateLimited(inv.command.name);
      return textReply(
        ctx.lang === 'zh' ? `你操作得有点快了，请 ${wait} 秒后再试。` : `You're going a little fast — please try again in ${wait} s.`,
        { ephemeral: true },
      );
    }
    const run = inv.subcommand?.run ?? inv.command.run;
    if (!run) throw new UserError(t(ctx.lang, 'unknownCommand', { name: inv.command.name }));
    return run(ctx, inv.args);
  }

  private rateLimiter(ctx: CommandContext): RateLimiter {
    this.limiter ??= new RateLimiter(ctx.services.settings.rateLimits, ctx.services.clock);
    return this.limiter;
  }

  async handleAction(ctx: CommandContext, action: string): Promise<ActionReply> {
    const handled = (await ctx.services.quiz.handleAction(ctx, action)) ?? (await ctx.services.daily.handleAction(ctx, action)) ?? handleFlashcardAction(ctx, action);
    if (handled) return handled;
    const parsed = parseAction(action);
    const { kb, store, clock } = ctx.services;
    const expired: ActionReply = { reply: textReply(t(ctx.lang, 'unknownAction'), { ephemeral: true }), mode: 'ephemeral' };
    if (!parsed) return expired;
    const entry = kb.byId.get(parsed.id);
    if (!entry) return { reply: textReply(t(ctx.lang, 'unknownEntry'), { ephemeral: true }), mode: 'ephemeral' };
    switch (parsed.kind) {
      case 'show':
        return { reply: renderEntry(kb, entry, parsed.lang), mode: 'reply' };
      case 'switchLang':
        return { reply: renderEntry(kb, entry, parsed.lang), mode: 'update' };
      case 'feedback':
        store.recordFeedback({ entryId: entry.id, workspaceId: ctx.workspaceId, userId: ctx.user.id, vote: parsed.vote, at: clock.now() });
        return { reply: textReply(t(ctx.lang, 'feedbackThanks'), { ephemeral: true }), mode: 'ephemeral' };
    }
  }

  /** Knowledge-base questions matching what the user has typed so far (Discord allows 25). */
  autocomplete(ctx: CommandContext, partial: string, lang: Lang = ctx.lang, limit = 25): AutocompleteChoice[] {
    const { index, kb } = ctx.services;
    const text = partial.trim();
    const entries = text ? index.search(text, limit, { prefixLast: true }).hits.map((h) => h.entry) : kb.entries.slice(0, limit);
    const questionLang: Lang = /\p{Script=Han}/u.test(text) ? 'zh' : text ? 'en' : lang;
    return entries.map((e) => {
      const q = e[questionLang].question;
      const clipped = q.length > 100 ? `${q.slice(0, 99)}…` : q;
      return { name: clipped, value: clipped };
    });
  }
}
