import type { Lang, Level } from '../knowledge/types.js';
import { QUIZ_LIMITS } from '../quiz/quiz-service.js';
import { langOption, levelOption, topicOption } from './options.js';
import type { Command } from './types.js';

export const quizCommand: Command = {
  name: 'quiz',
  description: { en: 'Start a multiple-choice quiz round in this channel (or stop it)', zh: '在本频道开始一轮选择题测验（或结束测验）' },
  options: [
    {
      name: 'action',
      type: 'string',
      description: { en: 'start (default) or stop', zh: 'start（默认）或 stop' },
      choices: [
        { value: 'start', label: { en: 'Start', zh: '开始' } },
        { value: 'stop', label: { en: 'Stop', zh: '结束' } },
      ],
    },
    topicOption,
    levelOption,
    { name: 'count', type: 'integer', min: 1, max: QUIZ_LIMITS.maxCount, description: { en: `Number of questions (default ${QUIZ_LIMITS.defaultCount}, at most ${QUIZ_LIMITS.maxCount})`, zh: `题目数量（默认 ${QUIZ_LIMITS.defaultCount}，最多 ${QUIZ_LIMITS.maxCount}）` } },
    { name: 'seconds', type: 'integer', min: QUIZ_LIMITS.minSeconds, max: QUIZ_LIMITS.maxSeconds, description: { en: 'Seconds per question (default QUIZ_SECONDS)', zh: '每题秒数（默认 QUIZ_SECONDS）' } },
    langOption({ en: 'Language of the questions', zh: '题目语言' }),
  ],
  run(ctx, args) {
    const lang = (args.lang as Lang | undefined) ?? ctx.lang;
    if (args.action === 'stop') return ctx.services.quiz.stop(ctx, lang);
    return ctx.services.quiz.start(ctx, {
      topic: args.topic as string | undefined,
      level: args.level as Level | undefined,
      count: args.count as number | undefined,
      seconds: args.seconds as number | undefined,
      lang,
    });
  },
};
