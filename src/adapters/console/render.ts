import type { Reply } from '../../core/reply.js';

/**
 * Renders a reply as terminal text. Buttons become numbered choices; the caller keeps the
 * returned action list so typing the number clicks the button.
 */
export function renderReplyText(reply: Reply, options: { color?: boolean } = {}): { text: string; choices: string[] } {
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines: string[] = [];
  const inline = (s: string) => s.replace(/\*\*(.+?)\*\*/g, (_, x: string) => bold(x));
  if (reply.text) lines.push(inline(reply.text));
  for (const card of reply.cards) {
    if (lines.length > 0) lines.push('');
    if (card.title) lines.push(bold(card.title));
    if (card.subtitle) lines.push(dim(card.subtitle));
    if (card.body) lines.push('', inline(card.body));
    for (const s of card.sections ?? []) lines.push('', bold(s.heading), inline(s.body));
    if (card.links && card.links.length > 0) lines.push('', ...card.links.map((l) => `  ↗ ${l.url}`));
    if (card.footer) lines.push(dim(`— ${card.footer}`));
  }
  const choices: string[] = [];
  for (const row of reply.buttons) {
    const cells = row.filter((b) => !b.disabled).map((b) => {
      choices.push(b.action);
      return `[${choices.length}] ${b.label}`;
    });
    if (cells.length > 0) lines.push((choices.length === cells.length ? '\n' : '') + cells.join('   '));
  }
  return { text: lines.join('\n'), choices };
}
