import type { Lang } from './knowledge/types.js';

/**
 * Button action ids: short strings (Discord allows 100 characters in a custom_id) that say what
 * a click should do. Parsing is strict so a forged or stale id becomes "this button has expired".
 */
export const actions = {
  show: (id: string, lang: Lang) => `ask:show:${id}:${lang}`,
  /** Show the same entry in another language, replacing the message. */
  switchLang: (id: string, lang: Lang) => `ask:lang:${id}:${lang}`,
  feedback: (id: string, vote: 'up' | 'down') => `ask:fb:${id}:${vote}`,
};

export type ParsedAction =
  | { kind: 'show' | 'switchLang'; id: string; lang: Lang }
  | { kind: 'feedback'; id: string; vote: 'up' | 'down' };

export function parseAction(action: string): ParsedAction | undefined {
  const parts = action.split(':');
  if (parts[0] !== 'ask' || parts.length !== 4) return undefined;
  const [, kind, id, arg] = parts as [string, string, string, string];
  if ((kind === 'show' || kind === 'lang') && (arg === 'zh' || arg === 'en')) return { kind: kind === 'show' ? 'show' : 'switchLang', id, lang: arg };
  if (kind === 'fb') {
    if (arg === 'up' || arg === 'down') return { kind: 'feedback', id, vote: arg };
  }
  return undefined;
}
