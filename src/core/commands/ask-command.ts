import { ask } from '../answer/ask.js';
import { renderAskResult } from '../answer/render.js';
import type { Lang } from '../knowledge/types.js';
import { langOption } from './options.js';
import type { Command } from './types.js';

export const askCommand: Command = {
  name: 'ask',
  description: { en: 'Ask a Kubernetes or container interview question', zh: '提问一个 Kubernetes / 容器面试问题' },
  options: [
    {
      name: 'question',
      type: 'string',
      required: true,
      rest: true,
      autocomplete: true,
      description: { en: 'Your question, in English or Chinese', zh: '你的问题（中文或英文）' },
    },
    langOption({ en: 'Answer language (default: the language of the question)', zh: '回答语言（默认与提问语言一致）' }),
  ],
  run(ctx, args) {
    const { kb, index, metrics } = ctx.services;
    const started = performance.now();
    const result = ask(index, String(args.question ?? ''), { lang: args.lang as Lang | undefined });
    metrics.questionAsked(result.status, (performance.now() - started) / 1000);
    ctx.services.logger.debug('ask', { status: result.status, entry: result.entry?.id, confidence: result.confidence });
    return renderAskResult(kb, result);
  },
};
