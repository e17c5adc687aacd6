/**
 * Text in and out of Slack. Outgoing: every string may hold user input, so `&`, `<` and `>` are
 * escaped before anything else — with them gone no `<!channel>`, `<!here>`, `<@U…>` or link can
 * form — and the core's markdown-lite becomes mrkdwn. Incoming: Slack's own markup (escaped
 * entities, `<@U…>` mentions, `<url|label>` links) becomes the plain text the core expects.
 */

/** A word joiner after `@` keeps "@here" from ever being parsed as a broadcast, while looking the same. */
const BROADCAST_WORD = /@(here|channel|everyone)\b/gi;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(BROADCAST_WORD, '@\u2060$1');
}

const FENCE = /^\s*```/;

/** Markdown-lite (paragraphs, `-` lists, `code`, **bold**, fenced code) as escaped Slack mrkdwn. */
export function toMrkdwn(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  for (const line of escapeMrkdwn(markdown).split('\n')) {
    if (FENCE.test(line)) {
      // Slack shows no language tag; a bare fence keeps the block intact.
      inFence = !inFence;
      out.push('```');
    } else if (inFence) out.push(line);
    else out.push(inline(line.replace(/^(\s*)- (?=\S)/, '$1• ')));
  }
  if (inFence) out.push('```');
  return out.join('\n');
}

/** `**bold**` → `*bold*`, leaving `code` spans as they are. */
function inline(line: string): string {
  return line
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\*\*(.+?)\*\*/g, '*$1*')))
    .join('');
}

/** A link whose URL cannot break out of `<…|…>`; non-http(s) URLs are shown as text only. */
export function mrkdwnLink(url: string, label: string): string {
  const text = escapeMrkdwn(label.replace(/[|]/g, '/'));
  if (!/^https?:\/\/[^\s]+$/i.test(url)) return text;
  const safeUrl = url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  return `<${safeUrl}|${text}>`;
}

/** Cuts a string to `max` characters with an ellipsis, never inside a surrogate pair or an entity. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${safeCut(text, max - 1)}…`;
}

function safeCut(text: string, at: number): string {
  let end = Math.max(0, at);
  const amp = text.lastIndexOf('&', end);
  if (amp >= 0 && amp > end - 6) {
    const semi = text.indexOf(';', amp);
    if (semi >= end) end = amp;
  }
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Splits mrkdwn into pieces of at most `max` characters (a section's text limit), between lines
 * where it can; a code fence cut in two is closed and reopened so both halves still render.
 */
export function chunkMrkdwn(text: string, max: number): string[] {
  const chunks: string[] = [];
  const room = max - 4; // space for a closing fence
  let cur = '';
  let inFence = false;
  const flush = () => {
    const done = inFence ? `${cur}\n\`\`\`` : cur;
    if (done.replace(/`/g, '').trim() !== '') chunks.push(done);
    cur = inFence ? '```' : '';
  };
  for (const line of text.split('\n')) {
    for (const piece of hardSplit(line, room - 4)) {
      if (cur !== '' && cur.length + 1 + piece.length > room) flush();
      cur = cur === '' ? piece : `${cur}\n${piece}`;
    }
    if (FENCE.test(line)) inFence = !inFence;
  }
  if (cur.replace(/`/g, '').trim() !== '') chunks.push(cur);
  return chunks;
}

/** Breaks a line longer than `max`, preferring a space near the end of each piece. */
function hardSplit(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let piece = safeCut(rest, max);
    const space = piece.lastIndexOf(' ');
    if (space > max / 2) piece = piece.slice(0, space + 1);
    if (piece.length === 0) piece = rest.slice(0, max);
    pieces.push(piece);
    rest = rest.slice(piece.length);
  }
  pieces.push(rest);
  return pieces;
}

/** Slack message or command text as plain text: mentions, channels and links by name, entities decoded. */
export function fromSlackText(text: string, options: { stripUser?: string } = {}): string {
  let s = text;
  if (options.stripUser) s = s.split(new RegExp(`<@${options.stripUser}(?:\\|[^>]*)?>`, 'g')).join(' ');
  s = s.replace(/<([^<>]*)>/g, (_, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar >= 0 ? inner.slice(0, bar) : inner;
    const label = bar >= 0 ? inner.slice(bar + 1) : undefined;
    if (target.startsWith('@')) return label ? `@${label.replace(/^@/, '')}` : target;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
    return label ?? target.replace(/^mailto:/, '');
  });
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').trim();
}
