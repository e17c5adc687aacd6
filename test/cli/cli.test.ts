import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE_KB_DIR } from '../helpers.js';

// The CLIs are tested as users run them: compiled (npm test builds first), in a child process.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (script: string, args: string[], input = '', env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [`dist/${script}`, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, KNOWLEDGE_DIR: FIXTURE_KB_DIR, DATABASE_PATH: ':memory:', ...env },
    timeout: 15_000,
  });

describe.runIf(existsSync(`${ROOT}dist/cli/ask.js`))('command-line tools', () => {
  it('ask --json prints one object with the documented shape', () => {
    const r = run('cli/ask.js', ['--json', 'pause容器是干嘛的']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: 'pause容器是干嘛的', answer: { id: 'pod-pause-container' }, suggestions: [] });
  });

  it('ask --batch answers one line per question, in order, empty lines included', () => {
    const questions = ['kube-proxy ipvs', '', 'how to cook rice', 'x'.repeat(10_000), 'readiness probe'];
    const r = run('cli/ask.js', ['--batch', '--json'], questions.join('\n') + '\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answer?.id ?? l.error ?? null)).toEqual(['kube-proxy-modes', 'empty', null, 'too-long', 'pod-probes']);
  });

  it('ask --lang forces the language and rejects unknown options clearly', () => {
    expect(JSON.parse(run('cli/ask.js', ['--json', '--lang', 'zh', 'kube-proxy modes']).stdout).answer.question).toBe('kube-proxy 有哪几种代理模式？');
    const bad = run('cli/ask.js', ['--colour', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --colour/);
  });

  it('npm start runs a piped console session and exits cleanly on EOF', () => {
    const r = run('main.js', [], '/help\nwhat does the pause container do\n');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('/ask <question> [lang]');
    expect(r.stdout).toContain('The pause container starts first');
  });

  it('start-up names every configuration problem and a broken knowledge file', () => {
    const r = run('main.js', [], '', { LOG_LEVEL: 'loud', DEFAULT_LANG: 'xx' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2 problem/);
    expect(r.stderr).toMatch(/LOG_LEVEL="loud"/);
    expect(r.stderr).toMatch(/DEFAULT_LANG="xx"/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);

    const dir = mkdtempSync(join(tmpdir(), 'kb-'));
    writeFileSync(join(dir, 'pods.yaml'), readFileSync(join(FIXTURE_KB_DIR, 'pods.yaml'), 'utf8').replace('level: junior', 'level: guru'));
    const broken = run('main.js', [], '', { KNOWLEDGE_DIR: dir });
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('knowledge/pods.yaml: entry "pod-probes": level must be one of junior, mid, senior');
  });

  it('kb:check --json prints one JSON line of counts', () => {
    const r = run('cli/kb-check.js', ['--json', '--dir', FIXTURE_KB_DIR]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ entries: 4, bilingual: 4, quizItems: 4, topics: 2 });
  });
});
