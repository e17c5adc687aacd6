import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { slackManifest, slackManifestYaml } from '../../../src/adapters/slack/manifest.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const committed = () => readFileSync(`${ROOT}slack-app-manifest.yaml`, 'utf8');

describe('Slack app manifest', () => {
  it('the committed slack-app-manifest.yaml is what the generator produces', () => {
    expect(committed()).toBe(slackManifestYaml(COMMANDS));
  });

  it.runIf(existsSync(`${ROOT}dist/cli/slack-manifest.js`))('npm run slack:manifest prints the committed file', () => {
    const r = spawnSync(process.execPath, ['dist/cli/slack-manifest.js'], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(committed());
    const http = spawnSync(process.execPath, ['dist/cli/slack-manifest.js', '--request-url', 'http://insecure'], { cwd: ROOT, encoding: 'utf8', timeout: 15_000 });
    expect(http.status).toBe(2);
    expect(http.stderr).toMatch(/https/);
  });

  it('declares /k8s with every command in its usage hint, the scopes and events the adapter uses, Socket Mode on', () => {
    const m = parse(committed());
    const cmd = m.features.slash_commands[0];
    expect(cmd.command).toBe('/k8s');
    for (const c of COMMANDS.filter((c) => c.name !== 'ask')) expect(cmd.usage_hint).toContain(c.name);
    expect(cmd.usage_hint).toContain('subscribe|unsubscribe|status|now');
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'im:history', 'users:read']));
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'message.im', 'app_home_opened']));
    expect(m.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    expect(m.features.app_home.home_tab_enabled).toBe(true);
  });

  it('points every request URL at the bot in HTTP mode', () => {
    const m = slackManifest(COMMANDS, { requestUrl: 'https://bot.example.com/slack/events' }) as ReturnType<typeof parse>;
    expect(m.settings.socket_mode_enabled).toBe(false);
    expect(m.settings.event_subscriptions.request_url).toBe('https://bot.example.com/slack/events');
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(m.features.slash_commands[0].url).toBe('https://bot.example.com/slack/events');
  });
});
