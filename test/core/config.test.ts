import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, environmentWithDotenv, loadConfig } from '../../src/config/config.js';

describe('configuration', () => {
  it('has working defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.defaultLang).toBe('en');
    expect(c.databasePath).toMatch(/data\/bot\.sqlite$/);
  });

  it('reports every problem in one message', () => {
    try {
      loadConfig({ LOG_LEVEL: 'loud', DEFAULT_LANG: 'fr', KNOWLEDGE_DIR: '/no/such/dir' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/3 problem/);
      expect(msg).toMatch(/LOG_LEVEL="loud"/);
      expect(msg).toMatch(/DEFAULT_LANG="fr"/);
      expect(msg).toMatch(/KNOWLEDGE_DIR/);
    }
  });

  it('lets the real environment override .env', () => {
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    writeFileSync(join(dir, '.env'), 'LOG_LEVEL=debug\nDEFAULT_LANG=zh\n');
    const env = environmentWithDotenv({ DEFAULT_LANG: 'en' }, dir);
    expect(env).toMatchObject({ LOG_LEVEL: 'debug', DEFAULT_LANG: 'en' });
  });
});
