import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, CommandInteractionOption, Interaction } from 'discord.js';
import type { Config } from '../../config/config.js';
import type { Bot } from '../../core/bot.js';
import type { Args, CommandContext, Services } from '../../core/commands/types.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { Logger } from '../../core/ports.js';
import { contextFor, langFromLocale } from './context.js';
import { sendActionReply, sendChoices, sendCommandReply, sendError, withDeferral } from './respond.js';

export interface HandlerDeps {
  bot: Bot;
  services: Services;
  config: Pick<Config, 'adminUsers' | 'defaultLang'>;
  logger: Logger;
  /** When to acknowledge a slow answer (see respond.ts). */
  deferAfterMs: number;
}

/**
 * Every interaction goes through here: the adapter's single error boundary. A UserError is shown
 * to the user as is; anything else is a bug, logged with the interaction, and the user gets the
 * generic apology. Either way only they see it, and the returned promise never rejects.
 */
export function createInteractionHandler(deps: HandlerDeps): (interaction: Interaction) => Promise<void> {
  const { logger } = deps;
  return async (interaction) => {
    const lang = langFromLocale(interaction.locale, deps.config.defaultLang);
    try {
      const ctx = contextFor(interaction, deps.services, deps.config);
      if (interaction.isChatInputCommand()) await onCommand(deps, interaction, ctx);
      else if (interaction.isAutocomplete()) await onAutocomplete(deps, interaction, ctx);
      else if (interaction.isButton()) await onButton(deps, interaction, ctx);
      else logger.debug('discord interaction ignored', { type: interaction.type });
    } catch (err) {
      const userError = err instanceof UserError;
      if (!userError) logger.error('discord interaction failed', { err, ...describe(interaction) });
      try {
        await sendError(interaction, userError ? err.message : t(lang, 'internalError'));
      } catch (replyErr) {
        logger.error('discord error reply failed', { err: replyErr, ...describe(interaction) });
      }
    }
  };
}

async function onCommand(deps: HandlerDeps, i: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const subcommand = i.options.getSubcommand(false) ?? undefined;
  const reply = await withDeferral(deps.bot.runCommand(ctx, i.commandName, subcommand, argsOf(i.options.data)), deps.deferAfterMs, () => i.deferReply());
  await sendCommandReply(i, reply, ctx.lang);
}

async function onButton(deps: HandlerDeps, i: ButtonInteraction, ctx: CommandContext): Promise<void> {
  const result = await withDeferral(deps.bot.handleAction(ctx, i.customId), deps.deferAfterMs, () => i.deferUpdate());
  await sendActionReply(i, result, ctx.lang);
}

async function onAutocomplete(deps: HandlerDeps, i: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = i.options.getFocused(true);
  const command = deps.bot.commands.find((c) => c.name === i.commandName);
  const subcommand = i.options.getSubcommand(false);
  const defs = subcommand ? command?.subcommands?.find((s) => s.name === subcommand)?.options : command?.options;
  const def = defs?.find((d) => d.name === focused.name);
  // Only options the core marked for it get suggestions; anything else is answered with none.
  await sendChoices(i, def?.autocomplete ? deps.bot.autocomplete(ctx, String(focused.value)) : []);
}

/** Option values by name, from the top level or from inside the subcommand. */
function argsOf(options: readonly CommandInteractionOption[]): Args {
  const args: Args = {};
  for (const o of options) {
    if (o.options) Object.assign(args, argsOf(o.options));
    else if (typeof o.value === 'string' || typeof o.value === 'number') args[o.name] = o.value;
  }
  return args;
}

function describe(i: Interaction): Record<string, unknown> {
  return {
    interaction: i.id,
    kind: i.isChatInputCommand() || i.isAutocomplete() ? `/${i.commandName}` : i.isButton() ? `button ${i.customId}` : String(i.type),
    user: i.user.id,
    channel: i.channelId,
    guild: i.guildId,
  };
}
