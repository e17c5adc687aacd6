import { UserError } from '../errors.js';
import type { Lang } from '../knowledge/types.js';
import type { Args, Command, OptionDef, Subcommand } from './types.js';
import { say } from '../i18n.js';

export interface Invocation {
  command: Command;
  subcommand?: Subcommand;
  args: Args;
}


/**
 * Turns a line of text into a command invocation, for the console and Slack's `/k8s`.
 * `/quiz networking 5`, `quiz topic:networking count:5` and `/quiz --count 5` all work; words
 * are matched to options by what they can be (a choice, a number), then by order. Text that is
 * not a command is a question.
 */
export interface ParseOptions {
  /** Where the platform already addressed the bot (Slack's /k8s), `quiz` works like `/quiz`. */
  slashOptional?: boolean;
  /** Topic ids, for options whose choices are the knowledge base's topics. */
  topics?: readonly string[];
}

export function parseCommandText(text: string, commands: readonly Command[], lang: Lang, options: ParseOptions = {}): Invocation {
  const trimmed = text.trim();
  const slashed = trimmed.startsWith('/');
  const words = (slashed ? trimmed.slice(1) : trimmed).split(/\s+/).filter(Boolean);
  const name = (words[0] ?? '').toLowerCase();
  const command = commands.find((c) => c.name === name);
  const ask = commands.find((c) => c.name === 'ask');
  if (!command || (!slashed && !options.slashOptional)) {
    if (slashed) throw new UserError(say(lang, `Unknown command \`/${name}\`. Type \`/help\` to see what I can do.`, `未知命令 \`/${name}\`。输入 \`/help\` 查看可用命令。`));
    if (!ask) throw new UserError('no ask command');
    return { command: ask, args: { question: trimmed } };
  }
  let rest = words.slice(1);
  if (command.subcommands) {
    const subName = (rest[0] ?? '').toLowerCase();
    const sub = command.subcommands.find((s) => s.name === subName);
    const names = command.subcommands.map((s) => s.name).join(', ');
    if (!sub) {
      throw new UserError(
        subName
          ? say(lang, `\`/${command.name}\` has no sub-command \`${subName}\`. Choose one of: ${names}.`, `\`/${command.name}\` 没有子命令 \`${subName}\`，可用的有：${names}。`)
          : say(lang, `\`/${command.name}\` needs a sub-command: ${names}.`, `\`/${command.name}\` 需要一个子命令：${names}。`),
      );
    }
    rest = rest.slice(1);
    return { command, subcommand: sub, args: parseOptions(rest, resolveChoices(sub.options, options.topics), `/${command.name} ${sub.name}`, lang) };
  }
  return { command, args: parseOptions(rest, resolveChoices(command.options ?? [], options.topics), `/${command.name}`, lang) };
}

/** Fills in choices that come from the knowledge base, so parsing and registration see one list. */
export function resolveChoices(defs: readonly OptionDef[], topics: readonly string[] = []): OptionDef[] {
  return defs.map((d) => (d.choicesFrom === 'topics' ? { ...d, choices: topics.map((t) => ({ value: t, label: { en: t, zh: t } })) } : d));
}

function parseOptions(allWords: string[], defs: readonly OptionDef[], usage: string, lang: Lang): Args {
  const args: Args = {};
  const positional: string[] = [];
  // `name:value` for a known option counts wherever it stands, even after free text (`/ask what is a pod lang:zh`).
  const words = allWords.filter((w) => {
    const m = /^(?:--)?([a-z][a-z-]*)[:=](.+)$/i.exec(w);
    const def = m ? defs.find((d) => d.name === m[1]!.toLowerCase() && !d.rest) : undefined;
    if (!m || !def) return true;
    args[def.name] = coerce(def, m[2]!, usage, lang);
    return false;
  });
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const named = /^(?:--)?([a-z][a-z-]*)[:=](.*)$/i.exec(w) ?? (w.startsWith('--') ? [w, w.slice(2), words[++i] ?? ''] : null);
    if (named) {
      const def = defs.find((d) => d.name === named[1]!.toLowerCase());
      if (!def) throw new UserError(say(lang, `Unknown option \`${named[1]}\` for \`${usage}\`. Options: ${defs.map((d) => d.name).join(', ') || 'none'}.`, `\`${usage}\` 没有选项 \`${named[1]}\`，可用选项：${defs.map((d) => d.name).join(', ') || '无'}。`));
      if (def.rest) {
        args[def.name] = [named[2], ...words.slice(i + 1)].join(' ').trim();
        break;
      }
      args[def.name] = coerce(def, named[2]!, usage, lang);
      continue;
    }
    const restDef = defs.find((d) => d.rest && args[d.name] === undefined);
    if (restDef && !defs.some((d) => !d.rest && args[d.name] === undefined && accepts(d, w))) {
      args[restDef.name] = words.slice(i).join(' ');
      break;
    }
    positional.push(w);
  }
  for (const w of positional) {
    const def = defs.find((d) => args[d.name] === undefined && !d.rest && accepts(d, w));
    if (!def) throw new UserError(say(lang, `I don't understand \`${w}\` in \`${usage}\`. Expected: ${describe(defs)}.`, `无法理解 \`${usage}\` 中的 \`${w}\`。用法：${describe(defs)}。`));
    args[def.name] = coerce(def, w, usage, lang);
  }
  for (const d of defs) {
    if (d.required && (args[d.name] === undefined || args[d.name] === '')) throw new UserError(say(lang, `\`${usage}\` needs \`${d.name}\`: ${d.description.en}.`, `\`${usage}\` 需要 \`${d.name}\`：${d.description.zh}。`));
  }
  return args;
}

function accepts(def: OptionDef, word: string): boolean {
  if (def.pattern) return def.pattern.test(word);
  if (def.choices) return def.choices.some((c) => c.value.toLowerCase() === word.toLowerCase());
  if (def.type === 'integer') return /^-?\d+$/.test(word);
  return true;
}

function coerce(def: OptionDef, raw: string, usage: string, lang: Lang): string | number {
  const value = raw.trim();
  if (def.choices) {
    const choice = def.choices.find((c) => c.value.toLowerCase() === value.toLowerCase());
    if (!choice) throw new UserError(say(lang, `\`${def.name}\` must be one of: ${def.choices.map((c) => c.value).join(', ')}.`, `\`${def.name}\` 必须是以下之一：${def.choices.map((c) => c.value).join(', ')}。`));
    return choice.value;
  }
  if (def.pattern && !def.pattern.test(value)) {
    throw new UserError(say(lang, `\`${value}\` is not a valid \`${def.name}\` (${def.description.en}).`, `\`${value}\` 不是有效的 \`${def.name}\`（${def.description.zh}）。`));
  }
  if (def.type === 'integer') {
    const n = Number(value);
    const min = def.min ?? -Infinity;
    const max = def.max ?? Infinity;
    if (!/^-?\d+$/.test(value) || n < min || n > max) {
      const range = `${def.min ?? '…'}–${def.max ?? '…'}`;
      throw new UserError(say(lang, `\`${def.name}\` must be a whole number (${range}) in \`${usage}\`.`, `\`${usage}\` 的 \`${def.name}\` 必须是整数（${range}）。`));
    }
    return n;
  }
  return value;
}

function describe(defs: readonly OptionDef[]): string {
  return defs.map((d) => (d.choices ? `${d.name} (${d.choices.map((c) => c.value).join('|')})` : d.name)).join(', ') || '—';
}
