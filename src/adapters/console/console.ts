import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../core/bot.js';
import type { CommandContext, Services } from '../../core/commands/types.js';
import { UserError } from '../../core/errors.js';
import { t } from '../../core/i18n.js';
import type { Lang } from '../../core/knowledge/types.js';
import type { ChatPort } from '../../core/ports.js';
import { textReply, type Reply } from '../../core/reply.js';
import { renderReplyText } from './render.js';

export const CONSOLE_CHANNEL = 'console:local';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  lang: Lang;
  userName: string;
  /** Colours and a prompt when a person is typing; plain text for scripted sessions. */
  interactive: boolean;
}

/**
 * The console adapter: the same commands as chat, with numbered choices standing in for
 * buttons. It is also the ChatPort for the `console:` channel, so quiz questions and daily posts
 * appear here like they would in a chat channel (an edit is shown as a new block).
 */
export class ConsoleAdapter implements ChatPort {
  private choices: string[] = [];
  private posted = 0;
  private stopRequested?: () => void;
  private rl?: Interface;

  constructor(private readonly opts: ConsoleOptions) {}

  private print(reply: Reply, note?: string): void {
    const rendered = renderReplyText(reply, { color: this.opts.interactive });
    if (rendered.choices.length > 0) this.choices = rendered.choices;
    this.opts.output.write((note ? `${note}\n` : '') + rendered.text + '\n\n');
  }

  async post(_channelId: string, reply: Reply): Promise<string> {
    this.printUnprompted(reply);
    return `console:${++this.posted}`;
  }

  async edit(_ref: string, reply: Reply): Promise<void> {
    this.printUnprompted(reply, this.opts.lang === 'zh' ? '（更新）' : '(updated)');
  }

  /** Quiz and daily messages arrive while the prompt waits: print over it, then show it again. */
  private printUnprompted(reply: Reply, note?: string): void {
    if (this.rl && this.opts.interactive) this.opts.output.write('\r\x1b[K');
    this.print(reply, note);
    if (this.rl && this.opts.interactive) this.rl.prompt(true);
  }

  async workspaceOf(): Promise<string> {
    return 'console';
  }

  /** Ends the session as if the person had quit (SIGTERM). */
  stop(): void {
    this.stopRequested?.();
  }

  /** Resolves when the input ends (EOF, Ctrl-D, Ctrl-C or /quit) and any quiz in progress is over. */
  run(bot: Bot, services: Services): Promise<void> {
    const { output, interactive } = this.opts;
    const ctx: CommandContext = {
      platform: 'console',
      user: { id: `console:${this.opts.userName}`, name: this.opts.userName },
      channelId: CONSOLE_CHANNEL,
      workspaceId: 'console',
      isAdmin: true,
      lang: this.opts.lang,
      services,
    };
    const rl = createInterface({ input: this.opts.input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
    this.rl = rl;

    // The single boundary: a user error is shown as is; anything else is a bug, logged, and the session goes on.
    const guarded = async (work: () => Promise<Reply>): Promise<void> => {
      try {
        this.print(await work());
      } catch (err) {
        if (err instanceof UserError) this.print(textReply(err.message));
        else {
          services.logger.error('console handler failed', { err });
          this.print(textReply(t(ctx.lang, 'internalError')));
        }
      }
    };

    if (interactive) {
      output.write(
        (this.opts.lang === 'zh'
          ? 'k8s 面试助手（本地控制台）。直接输入问题，或输入 /help 查看命令，/quit 退出。'
          : 'k8s interview bot — local console. Type a question, /help for commands, /quit to leave.') + '\n\n',
      );
    }

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
          if (n >= 1 && n <= this.choices.length) {
            const action = this.choices[n - 1]!;
            await guarded(async () => (await bot.handleAction(ctx, action)).reply);
          } else await guarded(() => bot.handleText(ctx, text));
          if (interactive && !quitting) rl.prompt();
        });
      });
      this.stopRequested = () => {
        quitting = true;
        rl.close();
      };
      rl.on('SIGINT', this.stopRequested);
      rl.on('close', () => {
        void queue.then(async () => {
          // A piped script may end while its quiz is still running: let the round finish, unless a person quit.
          if (!quitting) await untilNoRound(services);
          resolve();
        });
      });
      if (interactive) {
        rl.setPrompt('> ');
        rl.prompt();
      }
    });
  }
}

function untilNoRound(services: Services): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!services.store.runningRoundIn(CONSOLE_CHANNEL)) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(check, 100);
    check();
  });
}
