import { describe, expect, it } from 'vitest';
import { commandJson } from '../../../src/adapters/discord/command-json.js';
import { sameCommands } from '../../../src/adapters/discord/command-sync.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';
import { knowledge } from '../../helpers.js';

const { kb } = knowledge();
const json = commandJson(COMMANDS, kb.topics);
const byName = (name: string) => json.find((c) => c.name === name)!;
type Opt = { name: string; type: number; description: string; required?: boolean; autocomplete?: boolean; choices?: { name: string; value: string; name_localizations?: Record<string, string> }[]; options?: Opt[]; min_value?: number; max_value?: number; description_localizations?: Record<string, string> };
const opts = (name: string) => (byName(name).options ?? []) as Opt[];

describe('slash commands derived from the command list', () => {
  it('has one slash command per core command, in guilds only', () => {
    expect(json.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of json) {
      expect(c.contexts).toEqual([0]);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.description_localizations?.['zh-CN']).toBeTruthy();
    }
  });

  it('makes /ask question required with autocomplete, and lang a choice', () => {
    const [question, lang] = opts('ask');
    expect(question).toMatchObject({ name: 'question', type: 3, required: true, autocomplete: true });
    expect(question!.choices).toBeUndefined();
    expect(lang!.choices!.map((c) => c.value)).toEqual(['zh', 'en']);
  });

  it('offers the knowledge base topics, by title, as /quiz topic choices', () => {
    const topic = opts('quiz').find((o) => o.name === 'topic')!;
    expect(topic.choices).toEqual(kb.topics.map((tp) => ({ name: tp.title.en, value: tp.id, name_localizations: { 'zh-CN': tp.title.zh, 'zh-TW': tp.title.zh } })));
    const count = opts('quiz').find((o) => o.name === 'count')!;
    expect(count).toMatchObject({ type: 4, min_value: 1, max_value: 20 });
  });

  it('turns /daily into subcommands, with options inside and every description within limits', () => {
    const subs = opts('daily');
    expect(subs.map((s) => [s.name, s.type])).toEqual([['subscribe', 1], ['unsubscribe', 1], ['status', 1], ['now', 1]]);
    expect(subs[0]!.options!.map((o) => o.name)).toEqual(['time', 'timezone', 'days', 'topic', 'level']);
    const walk = (os: Opt[]): Opt[] => os.flatMap((o) => [o, ...walk(o.options ?? [])]);
    for (const c of json) {
      const all = walk((c.options ?? []) as Opt[]);
      for (const o of all) {
        expect(o.description.length, `${c.name} ${o.name}`).toBeLessThanOrEqual(100);
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
      }
      // Required options come first, as Discord demands.
      for (const list of [c.options ?? [], ...all.map((o) => o.options ?? [])] as Opt[][]) {
        const firstOptional = list.findIndex((o) => o.type > 2 && !o.required);
        if (firstOptional >= 0) expect(list.slice(firstOptional).some((o) => o.required)).toBe(false);
      }
    }
  });

  it('treats what Discord echoes back as the same set, and a changed description as a change', () => {
    const echoed = structuredClone(json)
      .reverse()
      .map((c, i) => ({ id: String(1000 + i), application_id: '1', version: '5', default_member_permissions: null, nsfw: false, name_localizations: null, ...c }));
    expect(sameCommands(json, echoed)).toBe(true);
    const changed = structuredClone(echoed);
    changed[0]!.description = 'something else';
    expect(sameCommands(json, changed)).toBe(false);
    expect(sameCommands(json, echoed.slice(1))).toBe(false);
  });
});
