import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { renderButtons, renderReply } from '../../../src/adapters/discord/render.js';
import { clipText, splitText } from '../../../src/adapters/discord/text.js';
import type { Button, Reply } from '../../../src/core/reply.js';

const paragraphs = (n: number, size = 300) => Array.from({ length: n }, (_, i) => `Paragraph ${i}: ${'word '.repeat(size / 5).trim()}`).join('\n\n');
const embedChars = (r: ReturnType<typeof renderReply>) =>
  r.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0), 0);

describe('cutting text to Discord limits', () => {
  it('clips at a paragraph boundary and marks the cut', () => {
    const text = paragraphs(20);
    const clipped = clipText(text, 1000);
    expect(clipped.length).toBeLessThanOrEqual(1000);
    expect(clipped.endsWith('…')).toBe(true);
    expect(text.startsWith(clipped.slice(0, -1))).toBe(true);
    expect(clipped.slice(0, -1)).toMatch(/word$/);
    expect(clipText('short', 1000)).toBe('short');
  });

  it('splits into pieces that each fit, losing nothing but the cut whitespace', () => {
    const text = paragraphs(40);
    const pieces = splitText(text, LIMITS.embedDescription);
    expect(pieces.length).toBeGreaterThan(2);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(pieces.join('\n\n')).toBe(text);
  });

  it('closes and reopens a code fence it has to cut through', () => {
    const code = '```yaml\n' + Array.from({ length: 200 }, (_, i) => `key${i}: value${i}`).join('\n') + '\n```';
    const pieces = splitText(`Intro\n\n${code}\n\nAfter`, 1000);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect(p.split('```').length % 2, p.slice(0, 40)).toBe(1);
    }
    expect(clipText(code, 500).split('```').length % 2).toBe(1);
  });

  it('never cuts an emoji in half', () => {
    const clipped = clipText('🙂'.repeat(600), 101);
    expect(clipped.length).toBeLessThanOrEqual(101);
    expect(clipped).toMatch(/^(🙂)+…$/u);
  });
});

describe('rendering replies', () => {
  it('continues a long answer over several embeds, within the 6,000-character message total', () => {
    const reply: Reply = {
      text: 'x'.repeat(5000),
      cards: [{ title: 'T'.repeat(400), subtitle: 'Pods · mid', body: paragraphs(60), links: [{ label: 'docs', url: 'https://kubernetes.io/docs/' }], footer: 'pod-x' }],
      buttons: [],
    };
    const out = renderReply(reply, { lang: 'en' });
    expect(out.content!.length).toBeLessThanOrEqual(LIMITS.content);
    expect(out.embeds.length).toBe(2);
    expect(embedChars(out)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embedChars(out)).toBeGreaterThan(LIMITS.embedDescription);
    for (const e of out.embeds) expect(e.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(out.embeds[0]!.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(out.embeds[0]!.description).toMatch(/^\*Pods · mid\*/);
    expect(out.embeds[1]!.title).toBeUndefined();
    // The answer is cut at a paragraph with "…"; the references and footer still make it.
    const last = out.embeds.at(-1)!;
    expect(last.description).toMatch(/word…$/);
    expect(last.fields).toEqual([{ name: '🔗 References', value: '[docs](https://kubernetes.io/docs/)' }]);
    expect(last.footer?.text).toBe('pod-x');
  });

  it('keeps sections and the footer when the body is long, and every field within its limit', () => {
    const reply: Reply = {
      cards: [{ title: 'Question 1/5', body: paragraphs(60), sections: [{ heading: 'Answer: B', body: paragraphs(8) }, { heading: 'Results', body: 'Right (1/2): alice' }], footer: '30 s', tone: 'success' }],
      buttons: [],
    };
    const out = renderReply(reply, { lang: 'en' });
    expect(embedChars(out)).toBeLessThanOrEqual(LIMITS.embedTotal);
    const fields = out.embeds.flatMap((e) => e.fields ?? []);
    expect(fields[0]!.name).toBe('Answer: B');
    for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(out.embeds.at(-1)!.footer?.text).toBe('30 s');
    expect(out.embeds[0]!.color).toBe(0x57f287);
  });

  it('continues a long section in further fields and localizes the references heading', () => {
    const out = renderReply({ cards: [{ title: 'Q', sections: [{ heading: 'Explanation', body: paragraphs(6) }], links: [{ label: 'k8s', url: 'https://k8s.io' }, { label: 'bad', url: 'javascript:alert(1)' }] }], buttons: [] }, { lang: 'zh' });
    const fields = out.embeds[0]!.fields!;
    expect(fields[0]!.name).toBe('Explanation');
    expect(fields[1]!.name).toBe('\u200b');
    expect(fields.at(-1)).toEqual({ name: '🔗 参考资料', value: '[k8s](https://k8s.io)' });
  });

  it('lays buttons out at most 5 a row and 5 rows, with unique short ids and short labels', () => {
    const buttons = (n: number, prefix: string): Button[] => Array.from({ length: n }, (_, i) => ({ action: `${prefix}:${i}`, label: `Option ${i} ${'long '.repeat(30)}` }));
    const rows = renderButtons([buttons(12, 'a'), [{ action: 'a:0', label: 'duplicate' }, { action: 'x'.repeat(101), label: 'too long an id' }], buttons(20, 'b')]);
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 2, 5, 5]);
    const ids = rows.flatMap((r) => r.components.map((b) => b.custom_id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rows) for (const b of r.components) expect(b.label!.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
  });

  it('keeps disabled buttons visible and clears old content on edits', () => {
    const out = renderReply({ cards: [{ title: 'Closed' }], buttons: [[{ action: 'quiz:a:r:0:0', label: 'A', style: 'success', disabled: true }]] }, { lang: 'en', edit: true });
    expect(out.content).toBe('');
    expect(out.components[0]!.components[0]).toMatchObject({ custom_id: 'quiz:a:r:0:0', disabled: true, style: 3 });
    expect(out.allowedMentions).toEqual({ parse: [] });
  });

  it('never lets text ping anyone', () => {
    const out = renderReply({ text: '@everyone <@123> <@&456>', cards: [], buttons: [] }, { lang: 'en' });
    expect(out.content).toBe('@everyone <@123> <@&456>');
    expect(out.allowedMentions).toEqual({ parse: [] });
  });
});
