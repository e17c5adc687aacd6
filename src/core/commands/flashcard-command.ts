import type { ActionReply } from '../bot.js';
import type { Entry, Lang, Level } from '../knowledge/types.js';
import { quizPool } from '../quiz/pick.js';
import { textReply, type Reply } from '../reply.js';
import { UserError } from '../errors.js';
import { levelOption, topicOption } from './options.js';
import type { Command, CommandContext } from './types.js';
import { say } from '../i18n.js';


function cardFront(entry: Entry, lang: Lang): Reply {
  return {
    cards: [{ title: say(lang, '🗂️ Flashcard', '🗂️ 闪卡'), body: `**${entry[lang].question}**\n\n${say(lang, 'Think of your answer, then reveal.', '先想好你的答案，再翻面查看。')}`, footer: `${entry.topic} · ${entry.level}`, tone: 'info' }],
    buttons: [[{ action: `card:show:${entry.id}:${lang}`, label: say(lang, 'Show answer', '查看答案'), style: 'primary' }]],
  };
}

function cardBack(entry: Entry, lang: Lang): Reply {
  return {
    cards: [{ title: entry[lang].question, body: `${entry[lang].short}\n\n${entry[lang].answer}`, footer: `${entry.topic} · ${entry.level}`, tone: 'info' }],
    buttons: [
      [
        { action: `card:grade:${entry.id}:${lang}:yes`, label: say(lang, '✅ I knew it', '✅ 我答对了'), style: 'success' },
        { action: `card:grade:${entry.id}:${lang}:no`, label: say(lang, '🔁 Not yet', '🔁 还不熟'), style: 'secondary' },
      ],
    ],
  };
}

/** Self-graded drill: question, reveal, "I knew it" / "not yet" (which deals another card). */
export const flashcardCommand: Command = {
  name: 'flashcard',
  description: { en: 'Drill a flashcard: question first, then reveal and grade yourself', zh: '闪卡练习：先看问题，再翻面自评' },
  options: [topicOption, levelOption],
  run(ctx, args) {
    const pool = ctx.services.kb.entries.filter((e) => (!args.topic || e.topic === args.topic) && (!args.level || e.level === (args.level as Level)));
    if (pool.length === 0) throw new UserError(say(ctx.lang, 'No entries match that topic and level.', '没有符合该主题和难度的条目。'));
    return cardFront(pool[Math.floor(ctx.services.random() * pool.length)]!, ctx.lang);
  },
};

export function handleFlashcardAction(ctx: CommandContext, action: string): ActionReply | undefined {
  if (!action.startsWith('card:')) return undefined;
  const [, kind, id, langText, grade] = action.split(':');
  const entry = id ? ctx.services.kb.byId.get(id) : undefined;
  const lang: Lang = langText === 'zh' ? 'zh' : 'en';
  if (!entry) return { reply: textReply(say(lang, 'This card is no longer in the knowledge base.', '知识库里已经没有这张卡片了。'), { ephemeral: true }), mode: 'ephemeral' };
  if (kind === 'show') return { reply: cardBack(entry, lang), mode: 'update' };
  if (kind === 'grade') {
    const next = quizPool(ctx.services.kb.entries, { topic: entry.topic }).filter((e) => e.id !== entry.id);
    const pick = next[Math.floor(ctx.services.random() * next.length)];
    const note = grade === 'yes' ? say(lang, 'Nice! Here is another one.', '很好！再来一张。') : say(lang, 'Keep at it — here is another one.', '继续加油，再来一张。');
    return { reply: pick ? { ...cardFront(pick, lang), text: note } : textReply(note), mode: 'update' };
  }
  return { reply: textReply(say(lang, 'This button has expired.', '这个按钮已经失效了。'), { ephemeral: true }), mode: 'ephemeral' };
}
