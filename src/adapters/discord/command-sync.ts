import { Routes, type REST } from 'discord.js';
import type { CommandJson } from './command-json.js';

/**
 * Registers the slash commands with Discord, globally or in one guild (instant updates while
 * developing). At start-up it first compares with what Discord has, so a restart does not
 * re-register an unchanged set (registrations are rate limited and reset client caches).
 */
export async function syncCommands(rest: REST, appId: string, guildId: string | undefined, wanted: CommandJson[], options: { force?: boolean } = {}): Promise<'registered' | 'unchanged'> {
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  if (!options.force) {
    const existing = (await rest.get(route)) as unknown;
    if (Array.isArray(existing) && sameCommands(wanted, existing)) return 'unchanged';
  }
  await rest.put(route, { body: wanted });
  return 'registered';
}

/** Compares only what we send; Discord adds ids, versions and defaults of its own. */
export function sameCommands(wanted: readonly unknown[], existing: readonly unknown[]): boolean {
  return canonical(wanted) === canonical(existing);
}

type Json = Record<string, unknown>;
const obj = (x: unknown): Json => (x && typeof x === 'object' ? (x as Json) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const locales = (x: unknown): Json => Object.fromEntries(Object.entries(obj(x)).sort(([a], [b]) => a.localeCompare(b)));
const numbers = (x: unknown): number[] | null => (Array.isArray(x) ? [...(x as number[])].sort((a, b) => a - b) : null);

function canonical(commands: readonly unknown[]): string {
  return JSON.stringify(
    commands
      .map((c) => {
        const o = obj(c);
        return {
          name: o.name,
          type: o.type ?? 1,
          description: o.description ?? '',
          description_localizations: locales(o.description_localizations),
          name_localizations: locales(o.name_localizations),
          contexts: numbers(o.contexts),
          integration_types: numbers(o.integration_types),
          default_member_permissions: o.default_member_permissions ?? null,
          nsfw: o.nsfw ?? false,
          options: list(o.options).map(option),
        };
      })
      .sort((a, b) => String(a.name).localeCompare(String(b.name))),
  );
}

function option(x: unknown): Json {
  const o = obj(x);
  return {
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    description_localizations: locales(o.description_localizations),
    name_localizations: locales(o.name_localizations),
    required: o.required ?? false,
    autocomplete: o.autocomplete ?? false,
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    choices: list(o.choices).map((ch) => ({ name: obj(ch).name, value: obj(ch).value, name_localizations: locales(obj(ch).name_localizations) })),
    options: list(o.options).map(option),
  };
}
