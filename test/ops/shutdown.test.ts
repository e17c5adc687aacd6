import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB_DIR } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe.runIf(existsSync(`${ROOT}dist/main.js`))('process lifecycle', () => {
  it('serves health endpoints and exits 0 soon after SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, KNOWLEDGE_DIR: FIXTURE_KB_DIR, DATABASE_PATH: ':memory:', HEALTH_PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no port in time: ${stderr}`)), 10_000);
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        const m = /"port":(\d+)/.exec(stderr);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
