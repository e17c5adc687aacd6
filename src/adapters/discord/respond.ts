import { MessageFlags, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { ActionReply } from '../../core/bot.js';
import type { Lang } from '../../core/knowledge/types.js';
import type { Reply } from '../../core/reply.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS, renderReply } from './render.js';
import { clipText } from './text.js';

/** Discord drops an interaction that is not acknowledged within 3 s; this leaves room for the network. */
export const DEFER_AFTER_MS = 2000;

const LATE = Symbol('late');

/**
 * Waits for the core's answer; if it is not there after `deferAfterMs`, acknowledges first
 * (`defer`) and then keeps waiting. Fast answers go out as direct replies, without a
 * "thinking…" step.
 */
export async function withDeferral<T>(work: Promise<T>, deferAfterMs: number, defer: () => Promise<unknown>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), deferAfterMs);
  });
  try {
    const first = await Promise.race([work, late]);
    if (first !== LATE) return first as T;
  } finally {
    clearTimeout(timer);
  }
  await defer();
  return work;
}

const ephemeral = (on: boolean | undefined) => (on ? { flags: MessageFlags.Ephemeral as const } : {});

/** A slash command's reply. After a public defer, an ephemeral reply replaces the placeholder. */
export async function sendCommandReply(i: ChatInputCommandInteraction, reply: Reply, lang: Lang): Promise<void> {
  const body = renderReply(reply, { lang });
  if (!i.deferred && !i.replied) {
    await i.reply({ ...body, ...ephemeral(reply.ephemeral) });
  } else if (reply.ephemeral) {
    await i.deleteReply().catch(() => undefined);
    await i.followUp({ ...body, flags: MessageFlags.Ephemeral });
  } else {
    await i.editReply(renderReply(reply, { lang, edit: true }));
  }
}

/** A button's reply: replace the clicked message, post a new one, or answer only the clicker. */
export async function sendActionReply(i: ButtonInteraction, result: ActionReply, lang: Lang): Promise<void> {
  const { reply, mode } = result;
  if (mode === 'update') {
    const body = renderReply(reply, { lang, edit: true });
    await (i.deferred || i.replied ? i.editReply(body) : i.update(body));
    return;
  }
  const body = { ...renderReply(reply, { lang }), ...ephemeral(mode === 'ephemeral' || reply.ephemeral) };
  await (i.deferred || i.replied ? i.followUp(body) : i.reply(body));
}

/** Suggestions while typing: at most 25, names and values within 100 characters. */
export async function sendChoices(i: AutocompleteInteraction, choices: readonly { name: string; value: string }[]): Promise<void> {
  const clean = choices
    .map((c) => ({ name: clipText(c.name.trim(), LIMITS.choiceName), value: c.value.slice(0, LIMITS.choiceValue) }))
    .filter((c) => c.name && c.value)
    .slice(0, LIMITS.autocompleteChoices);
  await i.respond(clean);
}

/** An error only the user sees, however far the interaction got. */
export async function sendError(i: Interaction, text: string): Promise<void> {
  if (i.isAutocomplete()) {
    if (!i.responded) await i.respond([]);
    return;
  }
  if (!i.isRepliable()) return;
  const body = { content: clipText(text, LIMITS.content), allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral as const };
  if (!i.deferred && !i.replied) {
    await i.reply(body);
    return;
  }
  // A public "thinking…" placeholder would stay forever; the error goes to the user alone.
  if (i.isChatInputCommand() && i.deferred && !i.replied) await i.deleteReply().catch(() => undefined);
  await i.followUp(body);
}
