import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/core/rate-limit.js';
import { bot, fixedClock, testContext, testServices } from '../helpers.js';

describe('rate limits', () => {
  it('allows count uses per window per user and says how long to wait', () => {
    const clock = fixedClock('2026-03-02T09:00:00Z');
    const limiter = new RateLimiter({ ask: { count: 2, windowMs: 60_000 } }, clock);
    expect(limiter.take('ask', 'a')).toBe(0);
    expect(limiter.take('ask', 'a')).toBe(0);
    expect(limiter.take('ask', 'a')).toBe(60);
    expect(limiter.take('ask', 'b')).toBe(0);
    expect(limiter.take('help', 'a')).toBe(0);
    clock.advance(45_000);
    expect(limiter.take('ask', 'a')).toBe(15);
    clock.advance(15_001);
    expect(limiter.take('ask', 'a')).toBe(0);
  });

  it('answers a flood politely, per user, and lets a quiz be stopped regardless', async () => {
    const services = testServices();
    services.settings.rateLimits = { ask: { count: 3, windowMs: 60_000 }, quiz: { count: 1, windowMs: 300_000 } };
    const b = bot();
    for (let i = 0; i < 3; i++) expect((await b.handleText(testContext(services), 'pause container')).cards).toHaveLength(1);
    const limited = await b.handleText(testContext(services), 'pause container');
    expect(limited.ephemeral).toBe(true);
    expect(limited.text).toMatch(/try again in 60 s/);
    expect((await b.handleText(testContext(services, { user: { id: 'u2', name: 'bob' } }), 'pause container')).cards).toHaveLength(1);
    await b.handleText(testContext(services), '/quiz');
    expect((await b.handleText(testContext(services), '/quiz stop')).text).toMatch(/stopped/);
  });
});
