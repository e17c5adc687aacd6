/**
 * The platform-neutral reply. The core builds it; each adapter renders it (Discord embeds and
 * components, Slack Block Kit, console text) and applies its own limits and escaping. Text may
 * contain user input: adapters must treat every string as untrusted.
 */
export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Button {
  /** Opaque action id the core understands (see actions.ts); at most 100 characters. */
  action: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  disabled?: boolean;
}

export interface Link {
  label: string;
  url: string;
}

export interface Card {
  title?: string;
  /** A short line under the title, e.g. "Networking · mid". */
  subtitle?: string;
  /** Markdown-lite: paragraphs, `-` lists, `code`, **bold**, fenced code blocks. */
  body?: string;
  sections?: { heading: string; body: string }[];
  links?: Link[];
  footer?: string;
  tone?: Tone;
}

export interface Reply {
  text?: string;
  cards: Card[];
  /** Rows of buttons. */
  buttons: Button[][];
  /** Only the asking user should see it (errors, personal stats). */
  ephemeral?: boolean;
}

export function textReply(text: string, options: { ephemeral?: boolean; tone?: Tone } = {}): Reply {
  return { text, cards: [], buttons: [], ephemeral: options.ephemeral };
}
