import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOptionChoice,
  type APIApplicationCommandSubcommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { resolveChoices } from '../../core/commands/parse-text.js';
import type { Command, Localized, OptionDef } from '../../core/commands/types.js';
import type { Topic } from '../../core/knowledge/types.js';
import { LIMITS } from './limits.js';
import { clipText } from './text.js';

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Chinese-speaking clients see the Chinese descriptions; everyone else the English ones. */
const zh = (text: string, max: number) => ({ 'zh-CN': clipText(text, max), 'zh-TW': clipText(text, max) });
const describe = (d: Localized) => ({ description: clipText(d.en, LIMITS.commandDescription), description_localizations: zh(d.zh, LIMITS.commandDescription) });

/**
 * Slash-command registration, derived from the core's command list: a new command there is a new
 * slash command here. Topic choices come from the knowledge base, so they follow its files.
 */
export function commandJson(commands: readonly Command[], topics: readonly Topic[]): CommandJson[] {
  return commands.map((c) => ({
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    ...describe(c.description),
    // Scores, admins and daily posts all belong to a server; DMs have none of these.
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: c.subcommands
      ? c.subcommands.map(
          (s): APIApplicationCommandSubcommandOption => ({
            type: ApplicationCommandOptionType.Subcommand,
            name: s.name,
            ...describe(s.description),
            options: optionsJson(s.options, topics),
          }),
        )
      : optionsJson(c.options ?? [], topics),
  }));
}

function optionsJson(defs: readonly OptionDef[], topics: readonly Topic[]): APIApplicationCommandBasicOption[] {
  const resolved = resolveChoices(defs, topics.map((tp) => tp.id));
  // Discord wants required options first; the text syntax does not care about the order.
  const ordered = [...resolved.filter((d) => d.required), ...resolved.filter((d) => !d.required)];
  return ordered.map((d) => optionJson(d, topics));
}

function optionJson(def: OptionDef, topics: readonly Topic[]): APIApplicationCommandBasicOption {
  const base = { name: def.name, ...describe(def.description), required: def.required ?? false };
  if (def.type === 'integer') {
    return { ...base, type: ApplicationCommandOptionType.Integer, ...(def.min !== undefined && { min_value: def.min }), ...(def.max !== undefined && { max_value: def.max }) };
  }
  if (def.autocomplete) return { ...base, type: ApplicationCommandOptionType.String, autocomplete: true };
  const choices = (def.choices ?? []).map((ch): APIApplicationCommandOptionChoice<string> => {
    // Topics are shown by their titles, not their ids.
    const label = def.choicesFrom === 'topics' ? (topics.find((tp) => tp.id === ch.value)?.title ?? ch.label) : ch.label;
    return { name: clipText(label.en, LIMITS.choiceName), name_localizations: zh(label.zh, LIMITS.choiceName), value: ch.value };
  });
  // Past Discord's 25 choices the option stays free text; the core checks the value anyway.
  if (choices.length === 0 || choices.length > LIMITS.commandChoices) return { ...base, type: ApplicationCommandOptionType.String };
  return { ...base, type: ApplicationCommandOptionType.String, choices };
}
