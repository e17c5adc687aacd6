import { describe, expect, it } from 'vitest';
import { ask } from '../../src/core/answer/ask.js';
import { askResultToJson } from '../../src/core/answer/json.js';
import { knowledge } from '../helpers.js';

const { index } = knowledge();
/** The entry given or offered ("did you mean"): both put the right answer one look away. */
const givenOrOffered = (q: string) => {
  const r = ask(index, q);
  return r.status === 'answered' || r.status === 'did-you-mean' ? r.entry!.id : null;
};

describe('ask', () => {
  it.each([
    ['pause容器有什么用', 'pod-pause-container'],
    ['what is the pause container for', 'pod-pause-container'],
    ['kube-proxy的ipvs模式', 'kube-proxy-modes'],
    ['readness probe vs liveness', 'pod-probes'],
    ['ｋｕｂｅ－ｐｒｏｘｙ ｉｐｖｓ', 'kube-proxy-modes'],
    ['sessionAffinity', 'service-session-affinity'],
    ['会话保持', 'service-session-affinity'],
  ])('answers or offers %s', (q, id) => {
    expect(givenOrOffered(q)).toBe(id);
  });

  it.each(['今天天气怎么样', 'React组件的生命周期', 'how to cook rice', 'asdfghjkl', '@everyone 快来看'])('declines %s', (q) => {
    expect(ask(index, q).status).toBe('declined');
  });

  it('answers in the language of the question unless told otherwise', () => {
    expect(ask(index, 'pause 容器').lang).toBe('zh');
    expect(ask(index, 'pause container').lang).toBe('en');
    expect(ask(index, 'pause 容器', { lang: 'en' }).lang).toBe('en');
  });

  it('returns the JSON shape the CLI documents', () => {
    const json = askResultToJson(ask(index, 'kube-proxy 的代理模式'));
    expect(json).toMatchObject({ query: 'kube-proxy 的代理模式', answer: { id: 'kube-proxy-modes', question: 'kube-proxy 有哪几种代理模式？' }, suggestions: [] });
    expect(typeof json.answer?.answer).toBe('string');
    expect(askResultToJson(ask(index, 'how to cook rice')).answer).toBeNull();
  });
});

describe('ask with bad input', () => {
  it.each([
    ['', 'invalid'],
    ['   \n\t ', 'invalid'],
    ['x'.repeat(10_000), 'invalid'],
    ['🙂🙂🙂', 'invalid'],
    ['\u0000\u0001\u0002', 'invalid'],
    ['?!。，', 'invalid'],
    ["'; DROP TABLE entries; --", 'declined'],
    ['<!channel> @everyone **bold** `code`', 'declined'],
  ])('%#: never throws and says why', (q, status) => {
    const r = ask(index, q);
    expect(r.status).toBe(status);
  });

  it('explains too-long questions', () => {
    expect(ask(index, '容器'.repeat(5000)).reason).toBe('too-long');
  });
});
