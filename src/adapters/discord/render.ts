import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import { t } from '../../core/i18n.js';
import type { Lang } from '../../core/knowledge/types.js';
import type { Button, Card, Reply, Tone } from '../../core/reply.js';
import { LIMITS } from './limits.js';
import { clipText, splitText } from './text.js';

/** Nobody is ever pinged: user text reaches most messages (questions, names, topics). */
export const NO_MENTIONS = { parse: [] as [] };

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: typeof NO_MENTIONS;
}

const TONE_COLOR: Record<Tone, number> = { info: 0x326ce5, success: 0x57f287, warning: 0xfee75c, error: 0xed4245 };
const STYLE: Record<NonNullable<Button['style']>, APIButtonComponentWithCustomId['style']> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};
/** A field needs a name; continuation fields get an invisible one. */
const BLANK = '\u200b';

/**
 * Renders the core's neutral reply for Discord: text → content, cards → embeds, button rows →
 * action rows. Every limit is applied here, so whatever the core says, Discord accepts it.
 * `edit` also clears what the previous version of a message had (content, embeds, buttons).
 */
export function renderReply(reply: Reply, options: { lang: Lang; edit?: boolean }): DiscordMessage {
  const content = reply.text ? clipText(reply.text, LIMITS.content) : undefined;
  const embeds = renderCards(reply.cards, options.lang);
  const components = renderButtons(reply.buttons);
  const message: DiscordMessage = { embeds, components, allowedMentions: NO_MENTIONS };
  if (content) message.content = content;
  else if (options.edit) message.content = '';
  else if (embeds.length === 0 && components.length === 0) message.content = '…';
  return message;
}

/** Embeds within the per-embed limits and the 6,000-character total of one message. */
function renderCards(cards: readonly Card[], lang: Lang): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let budget = LIMITS.embedTotal;
  const take = (text: string | undefined, max: number): string | undefined => {
    if (!text?.trim()) return undefined;
    const room = Math.min(max, budget);
    if (room < 16) return undefined;
    const out = clipText(text, room);
    budget -= out.length;
    return out;
  };

  for (const card of cards) {
    if (embeds.length >= LIMITS.embedsPerMessage || budget < 16) break;
    const color = TONE_COLOR[card.tone ?? 'info'];
    const title = take(card.title, LIMITS.embedTitle);
    const fieldsWanted = cardFields(card, lang);
    const footerWanted = card.footer ? Math.min(card.footer.length, LIMITS.footer) : 0;
    // The description may use what the fields and footer leave, but never starve them.
    const tailNeed = Math.min(fieldsWanted.reduce((n, f) => n + f.name.length + f.value.length, 0) + footerWanted, Math.floor(budget / 2));
    const text = [card.subtitle ? `*${card.subtitle}*` : '', card.body ?? ''].filter((s) => s.trim()).join('\n\n');
    const embedsLeft = LIMITS.embedsPerMessage - embeds.length;
    // Each split inside a code fence adds a closing and a reopening fence (8 characters).
    const descRoom = Math.min(budget - tailNeed, embedsLeft * LIMITS.embedDescription) - 8 * embedsLeft;
    const pieces = text && descRoom >= 16 ? splitText(clipText(text, descRoom), LIMITS.embedDescription).slice(0, embedsLeft) : [];
    budget -= pieces.reduce((n, p) => n + p.length, 0);

    const cardEmbeds: APIEmbed[] = pieces.length > 0 ? pieces.map((description) => ({ color, description })) : [{ color }];
    cardEmbeds[0]!.title = title;
    const last = cardEmbeds[cardEmbeds.length - 1]!;
    const fields: APIEmbedField[] = [];
    for (const f of fieldsWanted) {
      if (fields.length >= LIMITS.embedFields) break;
      const name = take(f.name, LIMITS.fieldName);
      const value = name && take(f.value, LIMITS.fieldValue);
      if (!name || !value) break;
      fields.push({ name, value });
    }
    if (fields.length > 0) last.fields = fields;
    const footer = take(card.footer, LIMITS.footer);
    if (footer) last.footer = { text: footer };
    for (const e of cardEmbeds) if (!e.title) delete e.title;
    embeds.push(...cardEmbeds.filter((e) => e.title || e.description || e.fields || e.footer));
  }
  return embeds.slice(0, LIMITS.embedsPerMessage);
}

/** Sections become fields (long ones continue in unnamed fields); links become one references field. */
function cardFields(card: Card, lang: Lang): APIEmbedField[] {
  const fields: APIEmbedField[] = [];
  for (const s of card.sections ?? []) {
    const pieces = splitText(s.body || BLANK, LIMITS.fieldValue);
    pieces.forEach((value, i) => fields.push({ name: i === 0 ? s.heading || BLANK : BLANK, value }));
  }
  const links = (card.links ?? []).filter((l) => /^https?:\/\/\S+$/.test(l.url));
  if (links.length > 0) {
    const lines: string[] = [];
    let size = 0;
    for (const l of links) {
      const line = `[${l.label.replace(/[[\]]/g, '') || l.url}](${l.url.replace(/\)/g, '%29')})`;
      if (size + line.length + 1 > LIMITS.fieldValue) break;
      lines.push(line);
      size += line.length + 1;
    }
    if (lines.length > 0) fields.push({ name: `🔗 ${t(lang, 'references')}`, value: lines.join('\n') });
  }
  return fields;
}

/** At most 5 buttons a row and 5 rows; custom ids must be unique and at most 100 characters. */
export function renderButtons(rows: readonly (readonly Button[])[]): ButtonRow[] {
  const out: ButtonRow[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const buttons: APIButtonComponentWithCustomId[] = [];
    for (const b of row) {
      if (!b.action || b.action.length > LIMITS.customId || seen.has(b.action)) continue;
      seen.add(b.action);
      buttons.push({
        type: ComponentType.Button,
        custom_id: b.action,
        label: clipText(b.label.trim() || '…', LIMITS.buttonLabel),
        style: STYLE[b.style ?? 'secondary'],
        disabled: b.disabled ?? false,
      });
    }
    for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
      out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
    }
  }
  return out.slice(0, LIMITS.rows);
}
