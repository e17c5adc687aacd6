import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/ask.js';
import { detectIntent } from '../../src/core/search/intent.js';
import { analyzeQuery } from '../../src/core/search/query.js';
import { isSmallTalk } from '../../src/core/search/small-talk.js';
import { tokenize } from '../../src/core/search/tokenize.js';
import { Vocabulary } from '../../src/core/search/vocabulary.js';
import { loadKnowledgeIndex } from '../../src/app/knowledge.js';
import { REAL_KB_DIR } from '../helpers.js';

describe('query analysis', () => {
  const vocab = Vocabulary.fromTermSets([new Set(['service', 'namespace', 'kubernetes', 'etcd', 'pod']), new Set(['pod', 'kubernetes'])]);

  it('folds chat abbreviations into the full term, at index and query time alike', () => {
    expect(tokenize('svc ns cm pvc hpa sts ds k8s')).toEqual(['service', 'namespace', 'configmap', 'persistentvolumeclaim', 'horizontalpodautoscaler', 'statefulset', 'daemonset', 'kubernetes']);
    expect(tokenize('Service')).toEqual(tokenize('svc'));
  });

  it('marks generic words so they weigh little, and keeps the rest at full weight', () => {
    const q = analyzeQuery('k8s etcd', vocab);
    expect([...q.generic]).toEqual(['kubernetes']);
    expect(q.info.get('kubernetes')!).toBeLessThan(q.info.get('etcd')! / 3);
  });

  it('reports Latin words the base has never seen, allowing for typos', () => {
    expect(analyzeQuery('namespce flexbox', vocab).unknownLatin).toEqual(['flexbox']);
  });
});

describe('intent', () => {
  it.each([
    ['What is etcd?', 'definition'],
    ['什么是 DaemonSet', 'definition'],
    ['Deployment vs StatefulSet', 'compare'],
    ['pod 一直 Pending 怎么排查', 'troubleshoot'],
    ['how do I roll back a deployment', 'howto'],
    ['etcd raft', 'other'],
  ])('%s → %s', (text, intent) => {
    expect(detectIntent(text)).toBe(intent);
  });
});

describe('small talk', () => {
  it.each(['hi', 'Hello there!', 'thx', 'who are you?', '你好', '谢谢！', '你是谁', '讲个笑话'])('recognises %s', (t) => expect(isSmallTalk(t)).toBe(true));
  it.each(['hi, what is a pod', 'how do I say hello from a container', '你好，什么是 etcd'])('leaves questions alone: %s', (t) => expect(isSmallTalk(t)).toBe(false));
});

describe('ranking on the real knowledge base', () => {
  const { index } = loadKnowledgeIndex(REAL_KB_DIR, undefined);
  const first = (q: string) => index.search(q, 3).hits[0]?.entry.id;

  it('finds the entry about a concept for a definitional question, not a specialised one that repeats the word', () => {
    expect(first('What is etcd?')).toBe('etcd-in-kubernetes');
    expect(first('什么是 etcd')).toBe('etcd-in-kubernetes');
  });

  it('answers or offers the right entry for paraphrases nobody wrote down', () => {
    for (const [q, id] of [
      ['what does the infra container of a pod do', 'pod-pause-container'],
      ['how do I roll back a deployment', 'kubectl-rollout-commands'],
      ['What is etcd?', 'etcd-in-kubernetes'],
    ] as const) {
      const r = ask(index, q);
      expect(['answered', 'did-you-mean'], q).toContain(r.status);
      expect(r.entry?.id, q).toBe(id);
    }
  });

  it('declines a container question the base lacks with close questions, an off-topic one without', () => {
    const r = ask(index, 'how do I configure cert-manager with letsencrypt');
    expect(r.status).toBe('declined');
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(ask(index, 'how to center a div with css flexbox').suggestions).toEqual([]);
  });

  it('declines questions about other things, even when they share a word', () => {
    for (const q of ['How do I center a div with flexbox?', 'C++ namespace 怎么用', 'what is the weather in Paris today']) expect(ask(index, q).status, q).toBe('declined');
  });

  it('greets small talk instead of searching, and says so in the result', () => {
    const r = ask(index, 'hello!');
    expect(r).toMatchObject({ status: 'declined', declineReason: 'small-talk', suggestions: [] });
  });
});
