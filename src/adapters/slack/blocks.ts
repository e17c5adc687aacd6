import type { types } from '@slack/bolt';
import { t } from '../../core/i18n.js';
import type { Button, Card, Reply } from '../../core/reply.js';
import { chunkMrkdwn, clip, mrkdwnLink, toMrkdwn } from './mrkdwn.js';

type Block = types.KnownBlock;

/** Block Kit's limits, from Slack's reference. */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  contextText: 2000,
  buttonText: 75,
  actionsElements: 25,
  fallbackText: 3000,
} as const;

/** Every button we render carries this action_id prefix; the core's action id travels in `value`. */
export const ACTION_ID_PREFIX = 'k8s:';

export interface RenderedMessage {
  /** Notification and accessibility fallback; mrkdwn, escaped like the blocks. */
  text: string;
  blocks: Block[];
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });
const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (text: string): types.ContextBlock => ({ type: 'context', elements: [mrkdwn(clip(text, LIMITS.contextText))] });
const sections = (text: string): Block[] => chunkMrkdwn(text, LIMITS.sectionText).map(section);

/** The references heading in the card's own language (a Chinese answer gets 参考资料). */
const cardLang = (card: Card) => (/\p{Script=Han}/u.test(`${card.title ?? ''}${card.body ?? ''}`) ? 'zh' : 'en');

function cardBlocks(card: Card): Block[] {
  const blocks: Block[] = [];
  if (card.title) {
    // A header is plain text (nothing to escape) but short; longer titles become a bold section.
    if (card.title.length <= LIMITS.headerText) blocks.push({ type: 'header', text: { type: 'plain_text', text: card.title, emoji: true } });
    else blocks.push(...sections(`*${toMrkdwn(card.title.replace(/\*/g, ''))}*`));
  }
  if (card.subtitle) blocks.push(context(toMrkdwn(card.subtitle)));
  if (card.body) blocks.push(...sections(toMrkdwn(card.body)));
  for (const s of card.sections ?? []) blocks.push(...sections(`*${toMrkdwn(s.heading.replace(/\*/g, ''))}*\n${toMrkdwn(s.body)}`));
  if (card.links?.length) {
    blocks.push(...sections(`*${t(cardLang(card), 'references')}*\n${card.links.map((l) => `• ${mrkdwnLink(l.url, l.label)}`).join('\n')}`));
  }
  if (card.footer) blocks.push(context(toMrkdwn(card.footer)));
  return blocks;
}

/**
 * Slack has no disabled buttons, so disabled ones are left out (a closed quiz question shows no
 * answer buttons). action_ids are positional, hence unique within the message even when two
 * buttons share a core action.
 */
function buttonBlocks(rows: Button[][]): types.ActionsBlock[] {
  const blocks: types.ActionsBlock[] = [];
  let n = 0;
  for (const row of rows) {
    const enabled = row.filter((b) => !b.disabled);
    for (let i = 0; i < enabled.length; i += LIMITS.actionsElements) {
      blocks.push({
        type: 'actions',
        elements: enabled.slice(i, i + LIMITS.actionsElements).map((b) => {
          const button: types.Button = {
            type: 'button',
            action_id: `${ACTION_ID_PREFIX}${n++}`,
            text: { type: 'plain_text', text: clip(b.label, LIMITS.buttonText), emoji: true },
            value: b.action,
          };
          if (b.style === 'primary' || b.style === 'success') button.style = 'primary';
          else if (b.style === 'danger') button.style = 'danger';
          return button;
        }),
      });
    }
  }
  return blocks;
}

function fallbackText(reply: Reply): string {
  const first = reply.text ?? reply.cards.map((c) => [c.title, c.body].filter(Boolean).join('\n')).find(Boolean) ?? '';
  return clip(toMrkdwn(first), LIMITS.fallbackText) || ' ';
}

/** A neutral reply as Block Kit, within Slack's limits, every string escaped. */
export function renderMessage(reply: Reply, options: { maxBlocks?: number; buttons?: boolean } = {}): RenderedMessage {
  const max = options.maxBlocks ?? LIMITS.messageBlocks;
  const content: Block[] = [];
  if (reply.text) content.push(...sections(toMrkdwn(reply.text)));
  reply.cards.forEach((card, i) => {
    if (i > 0 || reply.text) content.push({ type: 'divider' });
    content.push(...cardBlocks(card));
  });
  const actions = options.buttons === false ? [] : buttonBlocks(reply.buttons).slice(0, max - 1);
  // Over the limit, the text is cut short rather than the buttons: they are what a reader acts on.
  const room = max - actions.length;
  const shown = content.length > room ? [...content.slice(0, room - 1), context('…')] : content;
  return { text: fallbackText(reply), blocks: [...shown, ...actions] };
}

/** The App Home tab: several replies (stats, leaderboard) one after another, without buttons. */
export function renderHome(replies: Reply[]): types.HomeView {
  const blocks: Block[] = [];
  replies.forEach((r, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(...renderMessage(r, { buttons: false, maxBlocks: LIMITS.homeBlocks }).blocks);
  });
  return { type: 'home', blocks: blocks.length > LIMITS.homeBlocks ? [...blocks.slice(0, LIMITS.homeBlocks - 1), context('…')] : blocks };
}
