import { slackManifestYaml } from '../adapters/slack/manifest.js';
import { COMMANDS } from '../core/commands/registry.js';
import { parseArgs, UsageError } from './args.js';

/**
 * `npm run -s slack:manifest` prints the Slack app manifest (Socket Mode); with
 * `--request-url https://host/slack/events` the HTTP-mode variant. slack-app-manifest.yaml at the
 * repository root is this command's output.
 */
const USAGE = 'usage: npm run -s slack:manifest -- [--request-url https://<host>/slack/events]';

function main(): number {
  const { flags, positional } = parseArgs(process.argv.slice(2), { 'request-url': 'value', help: 'bool' });
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  if (positional.length > 0) throw new UsageError(`unexpected argument ${positional[0]}`);
  const requestUrl = flags.get('request-url') as string | undefined;
  if (requestUrl !== undefined && !/^https:\/\/[^\s]+$/.test(requestUrl)) throw new UsageError('--request-url must be an https:// URL (Slack only calls https)');
  process.stdout.write(slackManifestYaml(COMMANDS, { requestUrl }));
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : err);
  process.exitCode = 2;
}
