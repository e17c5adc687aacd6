import { describe, expect, it } from 'vitest';
import { actions } from '../../src/core/actions.js';
import { bot, testContext, testServices } from '../helpers.js';

describe('Bot', () => {
  it('answers plain text with an answer card and buttons', async () => {
    const reply = await bot().handleText(testContext(), 'pause container');
    expect(reply.cards[0]?.title).toBe('What does the pause container do?');
    expect(reply.cards[0]?.body).toContain('holds the Pod');
    expect(reply.cards[0]?.links?.[0]?.url).toBe('https://kubernetes.io/docs/concepts/workloads/pods/');
    const all = reply.buttons.flat().map((b) => b.action);
    expect(all).toContain(actions.show('pod-probes', 'en'));
    expect(all).toContain(actions.switchLang('pod-pause-container', 'zh'));
  });

  it('switches language in place and shows related questions as new messages', async () => {
    const b = bot();
    const ctx = testContext();
    const switched = await b.handleAction(ctx, actions.switchLang('pod-pause-container', 'zh'));
    expect(switched.mode).toBe('update');
    expect(switched.reply.cards[0]?.title).toBe('pause 容器有什么作用？');
    const related = await b.handleAction(ctx, actions.show('pod-probes', 'en'));
    expect(related.mode).toBe('reply');
    expect(related.reply.cards[0]?.title).toMatch(/liveness/);
  });

  it('records feedback, one vote per person, and thanks privately', async () => {
    const services = testServices();
    const b = bot();
    await b.handleAction(testContext(services), actions.feedback('pod-probes', 'up'));
    await b.handleAction(testContext(services), actions.feedback('pod-probes', 'down'));
    const r = await b.handleAction(testContext(services, { user: { id: 'u2', name: 'bob' } }), actions.feedback('pod-probes', 'up'));
    expect(r.mode).toBe('ephemeral');
    expect(services.store.feedbackCounts('pod-probes')).toEqual({ up: 1, down: 1 });
  });

  it('answers stale, forged and unknown buttons politely', async () => {
    const b = bot();
    for (const action of ['ask:show:no-such-entry:en', 'garbage', 'ask:show:pod-probes:fr', ''.padEnd(500, 'x')]) {
      const r = await b.handleAction(testContext(), action);
      expect(r.mode).toBe('ephemeral');
      expect(r.reply.text).toMatch(/expired|no longer/);
    }
  });

  it('suggests knowledge-base questions as the user types, within Discord limits', () => {
    const choices = bot().autocomplete(testContext(), 'kube-pro');
    expect(choices[0]?.name).toBe('What proxy modes does kube-proxy have?');
    expect(bot().autocomplete(testContext(), '探针')[0]?.name).toMatch(/探针/);
    for (const c of bot().autocomplete(testContext(), '')) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('lists every command in help, in the user language', async () => {
    const reply = await bot().handleText(testContext(testServices(), { lang: 'zh' }), '/help');
    expect(reply.cards[0]?.body).toContain('/ask <question> [lang]');
    expect(reply.cards[0]?.body).toContain('直接输入问题');
  });

  it('asks the same question through /ask and through structured options', async () => {
    const b = bot();
    const viaText = await b.handleText(testContext(), '/ask kube-proxy ipvs lang:zh');
    const viaOptions = await b.runCommand(testContext(), 'ask', undefined, { question: 'kube-proxy ipvs', lang: 'zh' });
    expect(viaText.cards[0]?.title).toBe('kube-proxy 有哪几种代理模式？');
    expect(viaOptions).toEqual(viaText);
  });
});
