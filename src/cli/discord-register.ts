import { REST, Routes } from 'discord.js';
import { commandJson } from '../adapters/discord/command-json.js';
import { restOptions } from '../adapters/discord/client.js';
import { syncCommands } from '../adapters/discord/command-sync.js';
import { inviteUrl } from '../adapters/discord/invite.js';
import { environmentWithDotenv, loadConfig, ConfigError } from '../config/config.js';
import { COMMANDS } from '../core/commands/registry.js';
import { KnowledgeError, loadKnowledge } from '../core/knowledge/load.js';

/**
 * `npm run discord:register`: registers the slash commands (global, or in DISCORD_GUILD_ID for
 * instant updates) without starting the bot. Start-up does the same when the set has changed.
 */
async function main(): Promise<number> {
  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()));
  if (!config.discord) {
    console.error('DISCORD_TOKEN is not set: put the bot token in the environment or in .env (see README.md, "Discord").');
    return 2;
  }
  const { guildId } = config.discord;
  // Topic choices come from the knowledge base, as at start-up.
  const kb = loadKnowledge(config.knowledgeDir);
  const rest = new REST(restOptions(config.discord)).setToken(config.discord.token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string; name?: string };
  const commands = commandJson(COMMANDS, kb.topics);
  await syncCommands(rest, application.id, guildId, commands, { force: true });
  console.log(`Registered ${commands.length} slash commands (${commands.map((c) => `/${c.name}`).join(' ')}) for ${application.name ?? application.id}, ${guildId ? `in guild ${guildId} (visible at once)` : 'globally (Discord clients may take a few minutes to show changes; set DISCORD_GUILD_ID for instant updates in one server)'}.`);
  console.log(`Invite the bot: ${inviteUrl(application.id, guildId)}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof KnowledgeError) console.error(err.message);
    else console.error(`Registering the Discord commands failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
