import { afterEach, describe, expect, it } from 'vitest';
import { HealthServer } from '../../src/app/health-server.js';
import { PrometheusMetrics } from '../../src/app/metrics.js';
import { bot, testContext, testServices } from '../helpers.js';

let server: HealthServer | undefined;
afterEach(async () => server?.close());

async function start(checks: { name: string; ok: () => boolean }[], metrics = new PrometheusMetrics(() => [{ platform: 'discord', connected: false }])) {
  server = new HealthServer(() => checks, metrics.registry);
  const port = await server.listen(0, '127.0.0.1');
  return { base: `http://127.0.0.1:${port}`, metrics };
}

describe('health endpoints', () => {
  it('answers liveness always and readiness only when every check passes', async () => {
    let connected = false;
    const { base } = await start([
      { name: 'database', ok: () => true },
      { name: 'discord', ok: () => connected },
    ]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, checks: [{ name: 'database', ok: true }, { name: 'discord', ok: false }] });
    connected = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('treats a check that throws as not ready', async () => {
    const { base } = await start([{ name: 'database', ok: () => { throw new Error('closed'); } }]);
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
  });

  it('exports what the bot counted in Prometheus text format', async () => {
    const metrics = new PrometheusMetrics(() => [{ platform: 'slack', connected: true }]);
    const services = testServices();
    services.metrics = metrics;
    await bot().handleText(testContext(services), 'pause container');
    await bot().handleText(testContext(services), 'how to cook rice');
    await bot().handleText(testContext(services), '   ');
    metrics.errors.inc({ kind: 'discord handler failed' });
    const { base } = await start([], metrics);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/k8sbot_questions_total\{outcome="answered"\} 1/);
    expect(text).toMatch(/k8sbot_questions_total\{outcome="declined"\} 1/);
    expect(text).toMatch(/k8sbot_questions_total\{outcome="invalid"\} 1/);
    expect(text).toMatch(/k8sbot_answer_seconds_count 2/);
    expect(text).toMatch(/k8sbot_adapter_connected\{platform="slack"\} 1/);
    expect(text).toMatch(/k8sbot_errors_total\{kind="discord handler failed"\} 1/);
    expect(text).toMatch(/k8sbot_process_resident_memory_bytes/);
  });
});
