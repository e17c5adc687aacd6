/**
 * Cutting markdown to a length limit without breaking it: cuts prefer a blank line, then a line
 * break, then a space, and a cut inside a fenced code block closes the fence (and reopens it in
 * the next piece), so the rest of the message does not render as code.
 */
const FENCE = '```';
const CLOSE = '\n```';
const REOPEN = '```\n';
const ELLIPSIS = '…';

function insideFence(text: string): boolean {
  return (text.split(FENCE).length - 1) % 2 === 1;
}

/** Where to cut so the head is at most `max` long: the last good boundary, if it keeps at least half. */
function cut(text: string, max: number): { head: string; tail: string } {
  for (const sep of ['\n\n', '\n', ' ']) {
    const at = text.lastIndexOf(sep, max - sep.length);
    if (at >= max / 2) return { head: text.slice(0, at).trimEnd(), tail: text.slice(at + sep.length) };
  }
  // No boundary: cut anywhere, but never between the two halves of a surrogate pair.
  let at = Math.max(1, max);
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff && at > 1) at--;
  return { head: text.slice(0, at), tail: text.slice(at) };
}

/** At most `max` characters; a longer text ends with "…" at the last good boundary. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  const reserve = CLOSE.length + 1 + ELLIPSIS.length;
  const { head } = cut(text, Math.max(1, max - reserve));
  return insideFence(head) ? `${head}${CLOSE}\n${ELLIPSIS}` : `${head}${ELLIPSIS}`;
}

/** Splits a text into pieces of at most `max` characters (max should be well above 8). */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  // Each round takes at least max/2 - 8 characters off, so this ends long before the bound.
  for (let round = 0; rest.length > 0 && round < 10_000; round++) {
    if (rest.length <= max) {
      pieces.push(rest);
      break;
    }
    const { head, tail } = cut(rest, max - CLOSE.length);
    if (insideFence(head)) {
      pieces.push(head + CLOSE);
      rest = REOPEN + tail;
    } else {
      pieces.push(head);
      rest = tail.replace(/^\n+/, '');
    }
  }
  return pieces.filter((p) => p.trim().length > 0);
}
