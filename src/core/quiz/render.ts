import type { Entry, Lang } from '../knowledge/types.js';
import type { Button, Reply } from '../reply.js';
import type { Answer } from '../storage/store.js';
import { correctShownPosition, LETTERS } from './pick.js';

export interface QuestionView {
  entry: Entry;
  quizIndex: number;
  optionOrder: number[];
  lang: Lang;
  /** e.g. "Question 2/5" or "Daily question · 2026-03-02" */
  heading: string;
  /** Button action for shown position i. */
  answerAction: (i: number) => string;
  /** Extra buttons (reveal, stop) while the question is open. */
  extra?: Button[];
  footer?: string;
}

function optionLines(v: QuestionView, mark?: number): string {
  const q = v.entry.quiz[v.quizIndex]![v.lang];
  return v.optionOrder.map((orig, shown) => `${shown === mark ? '✅' : '▫️'} **${LETTERS[shown]}.** ${q.options[orig]}`).join('\n');
}

export function renderOpenQuestion(v: QuestionView): Reply {
  const q = v.entry.quiz[v.quizIndex]![v.lang];
  return {
    cards: [{ title: v.heading, body: `${q.question}\n\n${optionLines(v)}`, footer: v.footer, tone: 'info' }],
    buttons: [v.optionOrder.map((_, i) => ({ action: v.answerAction(i), label: LETTERS[i]!, style: 'primary' as const })), ...(v.extra?.length ? [v.extra] : [])],
  };
}

/** The closed question: correct option marked, explanation, who was right; buttons disabled. */
export function renderClosedQuestion(v: QuestionView, answers: Answer[]): Reply {
  const q = v.entry.quiz[v.quizIndex]![v.lang];
  const right = correctShownPosition(v.entry, v.quizIndex, v.optionOrder);
  const winners = answers.filter((a) => a.correct).map((a) => a.userName);
  const zh = v.lang === 'zh';
  const who =
    answers.length === 0
      ? zh ? '没有人作答。' : 'Nobody answered.'
      : winners.length === 0
        ? zh ? `${answers.length} 人作答，无人答对。` : `${answers.length} answered; nobody got it right.`
        : zh ? `答对（${winners.length}/${answers.length}）：${winners.join('、')}` : `Right (${winners.length}/${answers.length}): ${winners.join(', ')}`;
  return {
    cards: [
      {
        title: v.heading,
        body: `${q.question}\n\n${optionLines(v, right)}`,
        sections: [
          { heading: zh ? `答案：${LETTERS[right]}` : `Answer: ${LETTERS[right]}`, body: q.explanation },
          { heading: zh ? '结果' : 'Results', body: who },
        ],
        footer: v.footer,
        tone: 'success',
      },
    ],
    buttons: [v.optionOrder.map((_, i) => ({ action: v.answerAction(i), label: LETTERS[i]!, style: i === right ? ('success' as const) : ('secondary' as const), disabled: true }))],
  };
}
