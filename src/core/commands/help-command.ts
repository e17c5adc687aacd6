import type { Reply } from '../reply.js';
import type { Command, CommandContext, OptionDef } from './types.js';

function usage(path: string, opts: readonly OptionDef[]): string {
  return ['/' + path, ...opts.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`))].join(' ');
}

/** Built from the command list itself, so help can never drift from what exists. */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    description: { en: 'List what the bot can do', zh: '查看机器人的所有命令' },
    options: [],
    run(ctx: CommandContext): Reply {
      const lang = ctx.lang;
      const lines: string[] = [];
      for (const c of all()) {
        if (c.subcommands) {
          for (const s of c.subcommands) lines.push(`- \`${usage(`${c.name} ${s.name}`, s.options)}\`${s.admin ? ' 🔒' : ''} — ${s.description[lang]}`);
        } else lines.push(`- \`${usage(c.name, c.options ?? [])}\`${c.admin ? ' 🔒' : ''} — ${c.description[lang]}`);
      }
      const intro =
        lang === 'zh'
          ? '直接输入问题（中文或英文）即可提问，也可以使用下面的命令。🔒 表示需要管理员权限。'
          : 'Type a question in English or Chinese to ask it, or use one of these commands. 🔒 marks admin-only commands.';
      return { cards: [{ title: lang === 'zh' ? 'k8s 面试助手' : 'k8s interview bot', body: `${intro}\n\n${lines.join('\n')}`, tone: 'info' }], buttons: [] };
    },
  };
}
