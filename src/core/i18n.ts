import type { Lang } from './knowledge/types.js';

/** Every user-facing sentence of the bot, in both languages. */
export const MESSAGES = {
  emptyQuestion: {
    en: 'Please type a question, for example: `what does the pause container do?`',
    zh: '请输入一个问题，例如：`pause 容器有什么作用？`',
  },
  tooLong: {
    en: 'That question is too long ({length} characters). Please ask in at most {max} characters.',
    zh: '问题太长了（{length} 个字符），请控制在 {max} 个字符以内。',
  },
  noWords: {
    en: 'I could not find any words to search for in that. Try asking in a sentence, in English or Chinese.',
    zh: '没有从中识别出可以搜索的词。请用中文或英文完整地提问。',
  },
  declined: {
    en: "I don't know the answer to that one — it doesn't look like anything in my Kubernetes knowledge base.",
    zh: '这个问题我不知道——我的 Kubernetes 知识库里没有相关内容。',
  },
  declinedWithSuggestions: {
    en: "I'm not sure I have an answer to that. Did you mean one of these?",
    zh: '我不确定能回答这个问题。你是不是想问：',
  },
  didYouMean: { en: 'Did you mean this question?', zh: '你是不是想问这个问题？' },
  fullAnswer: { en: 'Full answer', zh: '完整回答' },
  smallTalk: {
    en: "Hi! I'm a Kubernetes and container interview coach: ask me a question (in English or Chinese), or try a quiz. `/help` lists what I can do.",
    zh: '你好！我是 Kubernetes 与容器面试助手：可以用中文或英文问我问题，也可以来一轮测验。输入 `/help` 查看全部功能。',
  },
  related: { en: 'Related', zh: '相关问题' },
  references: { en: 'References', zh: '参考资料' },
  shortAnswer: { en: 'In short', zh: '简答' },
  switchLang: { en: '中文', zh: 'English' },
  helpful: { en: 'Helpful', zh: '有帮助' },
  notHelpful: { en: 'Not helpful', zh: '没帮助' },
  feedbackThanks: { en: 'Thanks for the feedback!', zh: '感谢你的反馈！' },
  unknownEntry: { en: 'That question is no longer in the knowledge base.', zh: '知识库里已经没有这个问题了。' },
  unknownAction: { en: 'This button has expired.', zh: '这个按钮已经失效了。' },
  internalError: {
    en: 'Sorry, something went wrong on my side. The problem has been logged; please try again.',
    zh: '抱歉，我这边出了点问题，已经记录下来了，请稍后再试。',
  },
  unknownCommand: {
    en: 'Unknown command `{name}`. Type `/help` to see what I can do.',
    zh: '未知命令 `{name}`。输入 `/help` 查看可用命令。',
  },
  levels: { en: 'junior|mid|senior', zh: '初级|中级|高级' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function t(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function levelLabel(lang: Lang, level: string): string {
  const idx = ['junior', 'mid', 'senior'].indexOf(level);
  return idx >= 0 ? MESSAGES.levels[lang].split('|')[idx]! : level;
}

/** An inline bilingual sentence, for messages that carry values and live next to their use. */
export function say(lang: Lang, en: string, zh: string): string {
  return lang === 'zh' ? zh : en;
}
