import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandJson } from '../../../src/adapters/discord/command-json.js';
import { BOT_PERMISSIONS } from '../../../src/adapters/discord/invite.js';
import { FakeDiscord } from '../../../src/adapters/discord/testing/fake-discord.js';
import { COMMANDS } from '../../../src/core/commands/registry.js';
import { FIXTURE_KB_DIR, knowledge } from '../../helpers.js';
import { harnessPerTest, startHarness } from './harness.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { cleanup } = harnessPerTest();

const puts = (fake: FakeDiscord) => fake.requests.filter((r) => r.method === 'PUT');

describe('discord start-up', () => {
  it('connects, registers the slash commands, and logs the invite URL', async () => {
    const h = await startHarness();
    cleanup.push(h.stop);
    expect(h.adapter.connected()).toBe(true);
    expect(h.fake.gateway.identifies).toBe(1);
    expect(puts(h.fake).map((r) => r.path)).toEqual([`/applications/${h.fake.appId}/commands`]);
    expect(puts(h.fake)[0]!.body).toEqual(commandJson(COMMANDS, knowledge().kb.topics));

    const invite = h.logger.lines.find((l) => l.msg.startsWith('discord invite URL'));
    const url = new URL(String(invite?.fields.url));
    expect(url.host).toBe('discord.com');
    expect(url.searchParams.get('client_id')).toBe(h.fake.appId);
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe(BOT_PERMISSIONS.toString());
  });

  it('does not register again when Discord already has the same commands', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    const first = await startHarness({ fake });
    await first.stop();
    expect(first.adapter.connected()).toBe(false);
    const second = await startHarness({ fake });
    cleanup.push(second.stop);
    expect(puts(fake)).toHaveLength(1);
    expect(second.logger.lines.some((l) => l.msg === 'discord slash commands up to date')).toBe(true);
  });

  it('registers in one guild when DISCORD_GUILD_ID is set', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    const h = await startHarness({ fake, env: { DISCORD_GUILD_ID: fake.guildId } });
    cleanup.push(h.stop);
    expect(puts(fake).map((r) => r.path)).toEqual([`/applications/${fake.appId}/guilds/${fake.guildId}/commands`]);
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('fails clearly on a token Discord rejects, leaving nothing running', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    await expect(startHarness({ fake, env: { DISCORD_TOKEN: 'wrong-token' } })).rejects.toThrow(/token/i);
    expect(fake.gateway.identifies).toBe(0);
  });
});

// Run as users run it: compiled (npm test builds first), in a child process.
describe.runIf(existsSync(join(ROOT, 'dist/cli/discord-register.js')))('npm run discord:register', () => {
  const register = (env: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [join(ROOT, 'dist/cli/discord-register.js')],
        // A scratch directory, so a developer's .env cannot leak in.
        { cwd: mkdtempSync(join(tmpdir(), 'discord-register-')), env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: FIXTURE_KB_DIR, ...env }, timeout: 15_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('registers the commands in the guild and prints the invite URL', async () => {
    const fake = await FakeDiscord.start();
    cleanup.push(() => fake.close());
    const r = await register({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: fake.guildId });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`in guild ${fake.guildId}`);
    expect(r.stdout).toContain(`https://discord.com/oauth2/authorize?client_id=${fake.appId}`);
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
  });

  it('explains a missing token', async () => {
    const r = await register({});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/DISCORD_TOKEN is not set/);
  });
});
