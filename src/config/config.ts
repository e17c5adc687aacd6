import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import type { Lang } from '../core/knowledge/types.js';
import { isValidTimeZone } from '../core/daily/time.js';
import { DEFAULT_KNOWLEDGE_DIR, PACKAGE_ROOT } from '../paths.js';

export type Env = Record<string, string | undefined>;

export interface Config {
  knowledgeDir: string;
  defaultLang: Lang;
  /** Undefined when LOG_LEVEL is not set: the console then shows only warnings, a server logs info. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
  databasePath: string;
  quizSeconds: number;
  /** Static daily subscriptions: `discord:<channelId>` / `slack:<channelId>` / `console:local`. */
  dailyChannels: string[];
  dailyCron: string;
  dailyTimezone: string;
  dailyRevealAfterMs: number;
  /** Platform-qualified user ids (`discord:123`, `slack:U123`) treated as admins everywhere. */
  adminUsers: Set<string>;
  /** HEALTH_PORT: /healthz, /readyz, /metrics. Undefined in the console unless set explicitly. */
  healthPort?: number;
  logFormat: 'json' | 'pretty';
  rateLimits: Record<string, { count: number; windowMs: number }>;
  /** Present when DISCORD_TOKEN is set. */
  discord?: { token: string; apiUrl?: string; guildId?: string };
  /** Present when SLACK_BOT_TOKEN is set: Socket Mode with an app token, else HTTP mode on `port`. */
  slack?: { botToken: string; appToken?: string; signingSecret?: string; apiUrl?: string; port: number };
}

/** Checks a cron expression; passed in so this module does not pick the cron library. */
export type CronValidator = (expr: string) => string | undefined;

const DURATION_RE = /^(\d+)\s*(ms|s|m|h|d)?$/i;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `8h`, `90m`, `30s`, `2d`; a bare number is seconds. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION_RE.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[(m[2] ?? 's').toLowerCase()]! : undefined;
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
export function loadConfig(env: Env, validateCron: CronValidator = () => undefined): Config {
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

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = str(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    problems.push(`${name}="${v}" must be a whole number from ${min} to ${max}`);
    return fallback;
  };
  const list = (name: string) => (str(name) ?? '').split(',').map((x) => x.trim()).filter(Boolean);

  const knowledgeDir = str('KNOWLEDGE_DIR') ? resolve(PACKAGE_ROOT, str('KNOWLEDGE_DIR')!) : DEFAULT_KNOWLEDGE_DIR;
  if (!existsSync(knowledgeDir)) problems.push(`KNOWLEDGE_DIR: directory ${knowledgeDir} does not exist`);
  const config = {
    knowledgeDir,
    defaultLang: oneOf('DEFAULT_LANG', ['zh', 'en'] as const, 'en'),
    logLevel: str('LOG_LEVEL') === undefined ? undefined : oneOf('LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    databasePath: str('DATABASE_PATH') === ':memory:' ? ':memory:' : resolve(PACKAGE_ROOT, str('DATABASE_PATH') ?? 'data/bot.sqlite'),
  } as Config;
  config.quizSeconds = int('QUIZ_SECONDS', 30, 10, 600);
  config.dailyCron = str('DAILY_CRON') ?? '0 9 * * 1-5';
  const cronProblem = validateCron(config.dailyCron);
  if (cronProblem) problems.push(`DAILY_CRON="${config.dailyCron}" is not a valid cron expression: ${cronProblem}`);
  config.dailyTimezone = str('DAILY_TIMEZONE') ?? 'UTC';
  if (!isValidTimeZone(config.dailyTimezone)) problems.push(`DAILY_TIMEZONE="${config.dailyTimezone}" is not an IANA time zone (e.g. Asia/Shanghai, UTC)`);
  const reveal = str('DAILY_REVEAL_AFTER') ?? '8h';
  const revealMs = parseDuration(reveal);
  if (revealMs === undefined || revealMs < 60_000 || revealMs > 7 * 86_400_000) problems.push(`DAILY_REVEAL_AFTER="${reveal}" must be a duration between 1m and 7d, like 8h or 90m`);
  config.dailyRevealAfterMs = revealMs ?? 8 * 3_600_000;
  config.dailyChannels = list('DAILY_CHANNELS');
  for (const c of config.dailyChannels) {
    if (!/^(discord|slack):[A-Za-z0-9]+$|^console:local$/.test(c)) problems.push(`DAILY_CHANNELS entry "${c}" must look like discord:<channelId> or slack:<channelId>`);
  }
  config.adminUsers = new Set(list('ADMIN_USERS'));
  for (const u of config.adminUsers) {
    if (!/^(discord|slack|console):[A-Za-z0-9._-]+$/.test(u)) problems.push(`ADMIN_USERS entry "${u}" must look like discord:<userId> or slack:<userId>`);
  }
  const url = (name: string) => {
    const v = str(name);
    if (v !== undefined && !/^https?:\/\/[^\s]+$/.test(v)) problems.push(`${name}="${v}" must be an http(s) URL`);
    return v;
  };
  const discordToken = str('DISCORD_TOKEN');
  const discordApiUrl = url('DISCORD_API_URL');
  const guildId = str('DISCORD_GUILD_ID');
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId)) problems.push(`DISCORD_GUILD_ID="${guildId}" must be a numeric Discord id`);
  if (discordToken) config.discord = { token: discordToken, apiUrl: discordApiUrl, guildId };
  else if (discordApiUrl || guildId) problems.push('DISCORD_API_URL / DISCORD_GUILD_ID are set but DISCORD_TOKEN is not');

  const botToken = str('SLACK_BOT_TOKEN');
  const appToken = str('SLACK_APP_TOKEN');
  const signingSecret = str('SLACK_SIGNING_SECRET');
  const slackApiUrl = url('SLACK_API_URL');
  const port = int('PORT', 3000, 1, 65535);
  if (botToken) {
    if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN must be a bot token (xoxb-…)');
    if (appToken !== undefined && !appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN must be an app-level token (xapp-…) for Socket Mode');
    if (!appToken && !signingSecret) problems.push('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode on PORT)');
    config.slack = { botToken, appToken, signingSecret, apiUrl: slackApiUrl, port };
  } else if (appToken || signingSecret) problems.push('SLACK_APP_TOKEN / SLACK_SIGNING_SECRET are set but SLACK_BOT_TOKEN is not');

  const healthPort = str('HEALTH_PORT');
  if (healthPort !== undefined) config.healthPort = int('HEALTH_PORT', 8080, 0, 65535);
  else if (config.discord || config.slack) config.healthPort = 8080;
  config.logFormat = oneOf('LOG_FORMAT', ['json', 'pretty'] as const, 'json');
  const rate = (name: string, fallback: string) => {
    const v = str(name) ?? fallback;
    const m = /^(\d+)\s*\/\s*(.+)$/.exec(v);
    const windowMs = m ? parseDuration(m[2]!) : undefined;
    if (!m || windowMs === undefined || windowMs <= 0) {
      problems.push(`${name}="${v}" must look like 20/1m (uses per time window; 0/1m turns the limit off)`);
      return { count: 0, windowMs: 60_000 };
    }
    return { count: Number(m[1]), windowMs };
  };
  config.rateLimits = { ask: rate('RATE_LIMIT_ASK', '20/1m'), quiz: rate('RATE_LIMIT_QUIZ', '3/5m'), flashcard: rate('RATE_LIMIT_ASK', '20/1m') };

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
