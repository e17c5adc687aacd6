import { levelLabel, t } from '../i18n.js';
import type { Entry, KnowledgeBase, Lang } from '../knowledge/types.js';
import type { Button, Reply } from '../reply.js';
import { MAX_QUESTION_CHARS, type AskResult } from './ask.js';
import { actions } from '../actions.js';

const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** The reply for an answered, declined or invalid question. */
export function renderAskResult(kb: KnowledgeBase, result: AskResult): Reply {
  const { lang } = result;
  if (result.status === 'invalid') {
    const key = result.reason === 'too-long' ? 'tooLong' : result.reason === 'no-words' ? 'noWords' : 'emptyQuestion';
    return { text: t(lang, key, { length: result.query.length, max: MAX_QUESTION_CHARS }), cards: [], buttons: [], ephemeral: true };
  }
  if (result.status === 'declined' && result.declineReason === 'small-talk') return { text: t(lang, 'smallTalk'), cards: [], buttons: [] };
  if (result.status === 'did-you-mean' && result.entry) return renderDidYouMean(kb, result.entry, lang);
  if (result.status === 'declined' || !result.entry) {
    const suggestions = result.suggestions;
    return {
      text: t(lang, suggestions.length > 0 ? 'declinedWithSuggestions' : 'declined'),
      cards: [],
      buttons: suggestions.length > 0 ? [suggestions.map((e) => questionButton(e, lang))] : [],
    };
  }
  return renderEntry(kb, result.entry, lang, result.related);
}

export function renderEntry(kb: KnowledgeBase, entry: Entry, lang: Lang, related: Entry[] = relatedOf(kb, entry)): Reply {
  const loc = entry[lang];
  const topic = kb.topics.find((tp) => tp.id === entry.topic);
  const buttons: Button[][] = [];
  if (related.length > 0) buttons.push(related.slice(0, 4).map((e) => questionButton(e, lang)));
  buttons.push([
    { action: actions.feedback(entry.id, 'up'), label: `👍 ${t(lang, 'helpful')}`, style: 'secondary' },
    { action: actions.feedback(entry.id, 'down'), label: `👎 ${t(lang, 'notHelpful')}`, style: 'secondary' },
    { action: actions.switchLang(entry.id, otherLang(lang)), label: t(lang, 'switchLang'), style: 'primary' },
  ]);
  return {
    cards: [
      {
        title: loc.question,
        subtitle: `${topic?.title[lang] ?? entry.topic} · ${levelLabel(lang, entry.level)}`,
        body: `**${t(lang, 'shortAnswer')}:** ${loc.short}\n\n${loc.answer}`,
        links: entry.refs.map((url) => ({ label: url.replace(/^https:\/\//, ''), url })),
        footer: entry.id,
        tone: 'info',
      },
    ],
    buttons,
  };
}

/** The likely entry, offered rather than asserted: its question and short answer, the full answer a click away. */
function renderDidYouMean(kb: KnowledgeBase, entry: Entry, lang: Lang): Reply {
  const loc = entry[lang];
  const topic = kb.topics.find((tp) => tp.id === entry.topic);
  return {
    text: t(lang, 'didYouMean'),
    cards: [{ title: loc.question, subtitle: `${topic?.title[lang] ?? entry.topic} · ${levelLabel(lang, entry.level)}`, body: loc.short, links: [], footer: entry.id, tone: 'info' }],
    buttons: [[{ action: actions.show(entry.id, lang), label: t(lang, 'fullAnswer'), style: 'primary' }]],
  };
}

function relatedOf(kb: KnowledgeBase, entry: Entry): Entry[] {
  return entry.related.map((id) => kb.byId.get(id)).filter((e): e is Entry => e !== undefined);
}

function questionButton(entry: Entry, lang: Lang): Button {
  return { action: actions.show(entry.id, lang), label: entry[lang].question, style: 'secondary' };
}
