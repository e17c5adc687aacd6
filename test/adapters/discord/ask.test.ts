import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoPings, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  expectNoPings(h.fake);
  await h.stop();
});

const EPHEMERAL = 64;
const buttons = (data: { components: { components: { custom_id: string; label: string }[] }[] }) => data.components.flatMap((r) => r.components);

describe('/ask on discord', () => {
  it('answers with an embed: question, answer, references, and buttons', async () => {
    const alice = h.fake.user('alice');
    const r = await h.fake.response(h.fake.slash(alice, 'ask', { question: 'what does the pause container do in a pod' }));
    expect(r.body.type).toBe(4);
    const data = r.body.data;
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = data.embeds;
    expect(embed.title).toBe('What does the pause container do?');
    expect(embed.description).toContain('**In short:** It holds the Pod');
    expect(embed.fields).toContainEqual({ name: '🔗 References', value: expect.stringContaining('(https://kubernetes.io/') });
    expect(buttons(data).map((b) => b.label)).toEqual(['How do liveness, readiness and startup probes differ?', '👍 Helpful', '👎 Not helpful', '中文']);
  });

  it('records 👍 feedback, switches the language in place, and opens a related question as a new message', async () => {
    const bob = h.fake.user('bob');
    const asked = h.fake.slash(bob, 'ask', { question: 'pause container' });
    await h.fake.response(asked);
    const answer = [...h.fake.messages.values()].find((m) => m.interaction_id === asked.id)!;

    const up = await h.fake.response(h.fake.click(bob, answer.id, 'ask:fb:pod-pause-container:up'));
    expect(up.body).toMatchObject({ type: 4, data: { content: 'Thanks for the feedback!', flags: EPHEMERAL } });
    expect(h.app.services.store.feedbackCounts('pod-pause-container').up).toBe(1);

    const zh = await h.fake.response(h.fake.click(bob, answer.id, 'ask:lang:pod-pause-container:zh'));
    expect(zh.body.type).toBe(7);
    expect(zh.body.data.embeds[0].title).toBe('pause 容器有什么作用？');
    expect(buttons(zh.body.data).at(-1)!.label).toBe('English');
    expect(h.fake.messages.get(answer.id)!.embeds).toEqual(zh.body.data.embeds);

    const related = await h.fake.response(h.fake.click(bob, answer.id, 'ask:show:pod-probes:en'));
    expect(related.body.type).toBe(4);
    expect(related.body.data.flags ?? 0).toBe(0);
    expect(related.body.data.embeds[0].title).toBe('How do liveness, readiness and startup probes differ?');
  });

  it('answers a Chinese question in Chinese and declines what it does not know', async () => {
    const mei = h.fake.user('mei', { locale: 'zh-CN' });
    const zh = await h.fake.response(h.fake.slash(mei, 'ask', { question: 'kube-proxy 有哪些模式' }));
    expect(zh.body.data.embeds[0].title).toBe('kube-proxy 有哪几种代理模式？');
    const declined = await h.fake.response(h.fake.slash(mei, 'ask', { question: 'how do I cook rice' }));
    expect(declined.body.data.content).toMatch(/I don't know|我不知道/);
    expect(declined.body.data.embeds).toEqual([]);
  });

  it('suggests matching questions while the user types', async () => {
    const alice = h.fake.user('alice');
    const r = await h.fake.response(h.fake.autocomplete(alice, 'ask', 'question', 'pau'));
    expect(r.body.type).toBe(8);
    const choices = r.body.data.choices as { name: string; value: string }[];
    expect(choices[0]).toEqual({ name: 'What does the pause container do?', value: 'What does the pause container do?' });
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);

    const zh = await h.fake.response(h.fake.autocomplete(alice, 'ask', 'question', '探针'));
    expect(zh.body.data.choices[0].name).toBe('存活探针、就绪探针和启动探针有什么区别？');
    // An empty box offers questions too, in the user's language.
    const empty = await h.fake.response(h.fake.autocomplete(h.fake.user('li', { locale: 'zh-CN' }), 'ask', 'question', ''));
    expect(empty.body.data.choices.length).toBeGreaterThan(0);
    expect(empty.body.data.choices[0].name).toMatch(/\p{Script=Han}/u);
  });

  it('answers /help in the language of the user’s Discord client', async () => {
    const r = await h.fake.response(h.fake.slash(h.fake.user('wang', { locale: 'zh-CN' }), 'help'));
    expect(r.body.data.embeds[0].title).toBe('k8s 面试助手');
    expect(r.body.data.embeds[0].description).toContain('/ask <question> [lang]');
  });
});
