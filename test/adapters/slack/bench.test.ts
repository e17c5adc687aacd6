import { describe, expect, it } from 'vitest';
import { benchSlack } from '../../../src/adapters/slack/bench.js';
import { FIXTURE_KB_DIR } from '../../helpers.js';

describe('benchSlack', () => {
  it('measures request-to-ack latency in both modes and shuts everything down', async () => {
    const r = await benchSlack({ n: 5, warmup: 1, knowledgeDir: FIXTURE_KB_DIR });
    for (const mode of [r.http, r.socket]) {
      expect(mode.n).toBe(5);
      expect(mode.p50).toBeGreaterThan(0);
      expect(mode.p50).toBeLessThanOrEqual(mode.p99);
      expect(mode.p99).toBeLessThan(3000);
    }
  });
});
