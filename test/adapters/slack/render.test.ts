import { describe, expect, it } from 'vitest';
import { LIMITS, renderHome, renderMessage } from '../../../src/adapters/slack/blocks.js';
import { blockProblems } from '../../../src/adapters/slack/fake/block-limits.js';
import { chunkMrkdwn, escapeMrkdwn, fromSlackText, mrkdwnLink, toMrkdwn } from '../../../src/adapters/slack/mrkdwn.js';
import { channelOf, messageRef, parseMessageRef } from '../../../src/adapters/slack/ids.js';
import type { Reply } from '../../../src/core/reply.js';
import { bot, testContext, testServices } from '../../helpers.js';
import { buttonsOf, textOf } from './harness.js';

const reply = (over: Partial<Reply>): Reply => ({ cards: [], buttons: [], ...over });

describe('mrkdwn', () => {
  it('escapes the three control characters, so no mention, broadcast or link can form', () => {
    expect(escapeMrkdwn('a <!channel> & <@U123|bob> <https://x|y>')).toBe('a &lt;!channel&gt; &amp; &lt;@U123|bob&gt; &lt;https://x|y&gt;');
    expect(escapeMrkdwn('ping @here and @Channel, mail me@everyone.io')).not.toMatch(/@(here|channel)\b/i);
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('turns markdown-lite into mrkdwn: bold, lists, code spans and fences', () => {
    expect(toMrkdwn('**Short answer:** it <works>\n- one\n  - two\n`a**b**c` **x**')).toBe('*Short answer:* it &lt;works&gt;\n• one\n  • two\n`a**b**c` *x*');
    expect(toMrkdwn('before\n```yaml\nkind: Pod\n- not a list\n```\nafter')).toBe('before\n```\nkind: Pod\n- not a list\n```\nafter');
    expect(toMrkdwn('```\nunclosed')).toBe('```\nunclosed\n```');
  });

  it('builds links whose URL cannot break out, and leaves non-http URLs as text', () => {
    expect(mrkdwnLink('https://k8s.io/a?x=1&y=<2>|z', 'docs | <b>')).toBe('<https://k8s.io/a?x=1&amp;y=%3C2%3E%7Cz|docs / &lt;b&gt;>');
    expect(mrkdwnLink('javascript:alert(1)', 'click')).toBe('click');
  });

  it('chunks long text under the section limit, between lines, reopening a cut code fence', () => {
    const long = ['intro', '```', ...Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`), '```', 'outro'].join('\n');
    const chunks = chunkMrkdwn(long, 3000);
    expect(chunks.length).toBeGreaterThan(2);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect((c.match(/```/g) ?? []).length % 2).toBe(0);
    }
    expect(chunks.join('\n').replace(/\n```\n```/g, '')).toBe(long);
    const word = chunkMrkdwn('&amp;'.repeat(1000), 3000);
    expect(word.every((c) => c.length <= 3000 && /^(&amp;)+$/.test(c))).toBe(true);
  });

  it('reads Slack text as plain text: entities decoded, mentions and links by name, the bot mention dropped', () => {
    expect(fromSlackText('<@UBOT> what is &lt;pod&gt; &amp; <#C1|general> <@U2|bob> <https://k8s.io|docs> <!here>', { stripUser: 'UBOT' })).toBe('what is <pod> & #general @bob docs @here');
  });
});

describe('Block Kit rendering', () => {
  it('renders a real answer within every limit, with answer, references and buttons', () => {
    const s = testServices();
    return bot()
      .handleText(testContext(s), 'what does the pause container do')
      .then((answer) => {
        const msg = renderMessage(answer);
        expect(blockProblems(msg.blocks, 50)).toEqual([]);
        expect(msg.blocks[0]).toMatchObject({ type: 'header' });
        expect(textOf(msg)).toContain('*References*\n• <https://kubernetes.io/');
        expect(buttonsOf(msg).map((b) => b.value)).toContain('ask:lang:pod-pause-container:zh');
      });
  });

  it('keeps to the limits whatever the reply: long text, many cards and buttons, long labels, repeated actions', () => {
    const huge = reply({
      text: 'y'.repeat(10_000),
      cards: Array.from({ length: 30 }, (_, i) => ({ title: `T${i} ${'t'.repeat(200)}`, body: 'b'.repeat(4000), footer: 'f'.repeat(2500), links: [{ label: 'l', url: 'https://e.x' }] })),
      buttons: [Array.from({ length: 30 }, (_, i) => ({ action: 'same:action', label: `${i} ${'L'.repeat(100)}` })), [{ action: 'x', label: 'gone', disabled: true }]],
    });
    const msg = renderMessage(huge);
    expect(blockProblems(msg.blocks, LIMITS.messageBlocks)).toEqual([]);
    expect(msg.blocks).toHaveLength(LIMITS.messageBlocks);
    const buttons = buttonsOf(msg);
    expect(buttons).toHaveLength(30);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(30);
    expect(buttons.every((b) => b.value === 'same:action' && b.text.length <= 75)).toBe(true);
    expect(msg.text.length).toBeLessThanOrEqual(3000);
  });

  it('renders a closed question without its (disabled) answer buttons, and styles as Slack allows', () => {
    const msg = renderMessage(reply({ text: 'closed', buttons: [[{ action: 'a', label: 'A', disabled: true, style: 'success' }, { action: 'b', label: 'B', disabled: true }]] }));
    expect(msg.blocks.map((b) => b.type)).toEqual(['section']);
    const open = renderMessage(reply({ buttons: [[{ action: 'a', label: 'A', style: 'success' }, { action: 'b', label: 'B', style: 'secondary' }, { action: 'c', label: 'C', style: 'danger' }]] }));
    expect(open.blocks[0]).toMatchObject({ type: 'actions', elements: [{ style: 'primary' }, { text: { text: 'B' } }, { style: 'danger' }] });
    expect((open.blocks[0] as { elements: object[] }).elements[1]).not.toHaveProperty('style');
  });

  it('escapes user text everywhere it can appear in mrkdwn', () => {
    const evil = '<!channel> <@U1> <!here|here> &';
    const msg = renderMessage(reply({ text: evil, cards: [{ title: 'x'.repeat(200) + evil, subtitle: evil, body: evil, sections: [{ heading: evil, body: evil }], footer: evil, links: [{ label: evil, url: 'https://e.x' }] }] }));
    const all = JSON.stringify(msg);
    for (const bad of ['<!channel>', '<@U1>', '<!here']) expect(all).not.toContain(bad);
  });

  it('renders the App Home from several replies, without buttons', () => {
    const view = renderHome([reply({ text: 'hi', buttons: [[{ action: 'a', label: 'A' }]] }), reply({ cards: [{ title: 'Board', body: '1. x' }] })]);
    expect(view.type).toBe('home');
    expect(blockProblems(view.blocks, LIMITS.homeBlocks)).toEqual([]);
    expect(buttonsOf(view)).toEqual([]);
    expect(textOf(view)).toContain('Board');
  });
});

describe('Slack ids', () => {
  it('round-trips channel ids and message references, and rejects others', () => {
    expect(channelOf('slack:C123')).toBe('C123');
    expect(channelOf('discord:123')).toBeUndefined();
    expect(parseMessageRef(messageRef('C123', '1712345678.000100'))).toEqual({ channel: 'C123', ts: '1712345678.000100' });
    expect(parseMessageRef('slack:C123')).toBeUndefined();
  });
});
