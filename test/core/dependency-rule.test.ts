import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture', () => {
  it('keeps platform SDKs, adapters and storage drivers out of the core', () => {
    for (const file of files(join(SRC, 'core'))) {
      for (const spec of imports(file)) {
        expect(spec, file).not.toMatch(/^(discord\.js|@discordjs\/|@slack\/|better-sqlite3|node-cron|pino|prom-client)/);
        if (spec.startsWith('.')) expect(resolve(dirname(file), spec).startsWith(join(SRC, 'core')), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('reads process.env only in the entry points', () => {
    const allowed = new Set(['main.ts', 'cli/ask.ts', 'cli/eval.ts', 'cli/train.ts', 'cli/bench.ts', 'cli/kb-check.ts', 'cli/discord-register.ts']);
    for (const file of files(SRC)) {
      const rel = file.slice(SRC.length);
      if (readFileSync(file, 'utf8').includes('process.env')) expect(allowed.has(rel), rel).toBe(true);
    }
  });
});
