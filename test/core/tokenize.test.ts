import { describe, expect, it } from 'vitest';
import { normalize, stem, tokenize } from '../../src/core/search/tokenize.js';

const terms = tokenize;

describe('tokenize', () => {
  it('splits Chinese into bigrams and drops question words', () => {
    expect(terms('什么是存活探针')).toEqual(['存活', '活探', '探针']);
    expect(terms('pod的生命周期是怎么样的')).toEqual(['pod', '生命', '命周', '周期']);
  });

  it('keeps technical terms that contain common characters', () => {
    expect(terms('亲和性')).toEqual(['亲和', '和性']);
    expect(terms('有状态服务')).toContain('有状');
  });

  it('splits hyphenated and camelCase terms and keeps them joined', () => {
    expect(terms('kube-proxy')).toEqual(['kube', 'proxy', 'kubeproxy']);
    expect(terms('livenessProbe')).toEqual(['liveness', 'probe', 'livenessprobe']);
    expect(terms('kube-proxy的ipvs模式')).toEqual(['kube', 'proxy', 'kubeproxy', 'ipvs', '模式']);
  });

  it('folds full-width letters and punctuation', () => {
    expect(normalize('ｋｕｂｅ－ｐｒｏｘｙ，ＩＰＶＳ')).toBe('kube-proxy,IPVS');
    expect(terms('ｋｕｂｅｌｅｔ')).toEqual(['kubelet']);
  });

  it('does not let a Latin word swallow Chinese text', () => {
    expect(terms('ingress控制器')).toEqual(['ingress', '控制', '制器']);
  });

  it('drops English stop words and stems plurals', () => {
    expect(terms('What are the probes?')).toEqual(['probe']);
    expect(stem('policies')).toBe('policy');
    expect(stem('ingress')).toBe('ingress');
  });

  it('removes control characters', () => {
    expect(normalize('pod\u0000\u0007 probe\u200b')).toBe('pod probe');
  });
});
