import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { Lang } from '../core/knowledge/types.js';
import { DEFAULT_KNOWLEDGE_DIR, PACKAGE_ROOT } from '../paths.js';

export type Env = Record<string, string | undefined>;

export interface Config {
  knowledgeDir: string;
  defaultLang: Lang;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  databasePath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee the configuration table in README.md.`);
    this.name = 'ConfigError';
  }
}

/**
 * The environment as the process sees it, with `.env` (if present) filling in what the real
 * environment does not set. Only the entry points read the real environment and pass it here.
 */
export function environmentWithDotenv(processEnv: Env, cwd: string): Env {
  const file = resolve(cwd, '.env');
  const fromFile = existsSync(file) ? parseDotenv(readFileSync(file)) : {};
  return { ...fromFile, ...processEnv };
}

/** Reads and validates every variable at once, so one start-up reports every problem. */
export function loadConfig(env: Env): Config {
  const problems: string[] = [];
  const str = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    problems.push(`${name}="${v}" must be one of: ${allowed.join(', ')}`);
    return fallback;
  };

  const knowledgeDir = str('KNOWLEDGE_DIR') ? resolve(PACKAGE_ROOT, str('KNOWLEDGE_DIR')!) : DEFAULT_KNOWLEDGE_DIR;
  if (!existsSync(knowledgeDir)) problems.push(`KNOWLEDGE_DIR: directory ${knowledgeDir} does not exist`);
  const config: Config = {
    knowledgeDir,
    defaultLang: oneOf('DEFAULT_LANG', ['zh', 'en'] as const, 'en'),
    logLevel: oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    databasePath: str('DATABASE_PATH') === ':memory:' ? ':memory:' : resolve(PACKAGE_ROOT, str('DATABASE_PATH') ?? 'data/bot.sqlite'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
