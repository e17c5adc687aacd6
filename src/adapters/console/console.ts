import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.js';
import type { CommandContext, Services } from '../../core/commands/types.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { Lang } from '../../core/knowledge/types.js';
import type { Reply } from '../../core/reply.js';
import { textReply } from '../../core/reply.js';
import { renderReplyText } from './render.js';

export interface ConsoleOptions {
  bot: Bot;
  services: Services;
  input: Readable;
  output: Writable;
  lang: Lang;
  userName: string;
  /** Colours and a prompt when a person is typing; plain text for scripted sessions. */
  interactive: boolean;
}

/**
 * The console adapter: the same commands as chat, with numbered choices standing in for
 * buttons. Resolves when the input ends (EOF, Ctrl-D, Ctrl-C or /quit).
 */
export function runConsole(opts: ConsoleOptions): Promise<void> {
  const { bot, services, output, interactive } = opts;
  const ctx: CommandContext = {
    platform: 'console',
    user: { id: `console:${opts.userName}`, name: opts.userName },
    channelId: 'console:local',
    workspaceId: 'console',
    isAdmin: true,
    lang: opts.lang,
    services,
  };
  const rl = createInterface({ input: opts.input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  let choices: string[] = [];
  const print = (reply: Reply) => {
    const rendered = renderReplyText(reply, { color: interactive });
    choices = rendered.choices.length > 0 ? rendered.choices : choices;
    output.write(rendered.text + '\n\n');
  };

  // The single boundary: a user error is shown as is; anything else is a bug, logged, and the session goes on.
  const guarded = async (work: () => Promise<Reply>): Promise<void> => {
    try {
      print(await work());
    } catch (err) {
      if (err instanceof UserError) print(textReply(err.message));
      else {
        services.logger.error('console handler failed', { err });
        print(textReply(t(ctx.lang, 'internalError')));
      }
    }
  };

  const greeting =
    opts.lang === 'zh'
      ? 'k8s 面试助手（本地控制台）。直接输入问题，或输入 /help 查看命令，/quit 退出。'
      : 'k8s interview bot — local console. Type a question, /help for commands, /quit to leave.';
  if (interactive) output.write(greeting + '\n\n');

  return new Promise((resolve) => {
    // Lines are handled one at a time, in order, even when a script pipes them in at once.
    let queue = Promise.resolve();
    let quitting = false;
    rl.on('line', (line) => {
      const text = line.trim();
      if (quitting || text === '') return;
      if (text === '/quit' || text === '/exit') {
        // Lines already buffered behind /quit must not run, so decide now, not when the queue gets here.
        quitting = true;
        rl.close();
        return;
      }
      queue = queue.then(async () => {
        const n = /^\d{1,2}$/.test(text) ? Number(text) : 0;
        if (n >= 1 && n <= choices.length) {
          const action = choices[n - 1]!;
          await guarded(async () => (await bot.handleAction(ctx, action)).reply);
        } else await guarded(() => bot.handleText(ctx, text));
        if (interactive) rl.prompt();
      });
    });
    rl.on('SIGINT', () => rl.close());
    rl.on('close', () => {
      void queue.then(() => resolve());
    });
    if (interactive) {
      rl.setPrompt('> ');
      rl.prompt();
    }
  });
}
