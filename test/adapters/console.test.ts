import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console.js';
import { Bot } from '../../src/core/bot.js';
import { COMMANDS } from '../../src/core/commands/registry.js';
import type { Command } from '../../src/core/commands/types.js';
import { testServices } from '../helpers.js';

async function session(lines: string[], bot = new Bot(COMMANDS)) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.on('data', (d: Buffer) => (text += d.toString()));
  const services = testServices();
  const adapter = new ConsoleAdapter({ input, output, lang: 'en', userName: 'tester', interactive: false });
  const done = adapter.run(bot, services);
  input.end(lines.join('\n') + '\n');
  await done;
  return { text, services };
}

describe('console adapter', () => {
  it('runs a scripted session: ask, click a numbered button, help, EOF', async () => {
    const { text } = await session(['pause容器', '1', '/help']);
    expect(text).toContain('pause 容器有什么作用？');
    expect(text).toContain('[1] 存活探针、就绪探针和启动探针有什么区别？');
    expect(text).toMatch(/存活探针[\s\S]*liveness：失败达到阈值后/);
    expect(text).toContain('/ask <question> [lang]');
  });

  it('explains user errors and keeps going', async () => {
    const { text } = await session(['/nope', '', '   ', 'how to cook rice', 'kube-proxy ipvs']);
    expect(text).toContain('Unknown command `/nope`');
    expect(text).toContain("I don't know");
    expect(text).toContain('What proxy modes does kube-proxy have?');
  });

  it('turns a bug into an apology plus a log line, and survives it', async () => {
    const boom: Command = { name: 'boom', description: { en: 'x', zh: 'x' }, options: [], run: () => { throw new Error('kaboom'); } };
    const { text, services } = await session(['/boom', 'pause container'], new Bot([...COMMANDS, boom]));
    expect(text).toContain('something went wrong on my side');
    expect(text).not.toContain('kaboom');
    expect(text).toContain('What does the pause container do?');
    expect(services.logger.lines.find((l) => l.level === 'error')?.fields.err).toBeInstanceOf(Error);
  });

  it('stops at /quit without reading further', async () => {
    const { text } = await session(['/quit', 'pause container']);
    expect(text).not.toContain('pause');
  });
});
