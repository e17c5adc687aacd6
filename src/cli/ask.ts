import { createInterface } from 'node:readline';
import { environmentWithDotenv, loadConfig } from '../config/config.js';
import { loadKnowledgeIndex } from '../app/knowledge.js';
import { ask } from '../core/answer/ask.js';
import { askResultToJson } from '../core/answer/json.js';
import { renderAskResult } from '../core/answer/render.js';
import type { Lang } from '../core/knowledge/types.js';
import { renderReplyText } from '../adapters/console/render.js';
import { parseArgs, UsageError } from './args.js';
import { explain } from './explain.js';

const USAGE = `usage: npm run ask -- "<question>" [--json] [--explain] [--lang zh|en]
       npm run ask -- --batch [--json] [--lang zh|en] < questions.txt   (one question per line)`;

async function main(): Promise<number> {
  const { flags, positional } = parseArgs(process.argv.slice(2), { json: 'bool', batch: 'bool', explain: 'bool', lang: 'value', help: 'bool' });
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const langFlag = flags.get('lang');
  if (langFlag !== undefined && langFlag !== 'zh' && langFlag !== 'en') throw new UsageError(`--lang must be zh or en, not "${String(langFlag)}"`);
  const lang = langFlag as Lang | undefined;
  const json = flags.has('json');
  const batch = flags.has('batch');
  if (!batch && positional.length === 0) throw new UsageError('no question given');
  if (batch && positional.length > 0) throw new UsageError('--batch reads questions from standard input; do not also pass one');

  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()));
  const { kb, index } = loadKnowledgeIndex(config.knowledgeDir);

  const answerOne = (question: string, compact: boolean): string => {
    const result = ask(index, question, { lang });
    if (json) return JSON.stringify(askResultToJson(result));
    if (compact) {
      const shown = result.entry ? `${result.status === 'did-you-mean' ? '(did you mean) ' : ''}${result.entry.id}: ${result.entry[result.lang].question}` : result.status === 'invalid' ? `(invalid: ${result.reason})` : `(no answer) ${result.suggestions.map((s) => s.id).join(', ')}`;
      return `${result.query.replace(/\t/g, ' ')}\t${shown}`;
    }
    const text = renderReplyText(renderAskResult(kb, result), { color: process.stdout.isTTY }).text;
    return flags.has('explain') ? `${text}\n\n${explain(index, question)}` : text;
  };

  if (!batch) {
    console.log(answerOne(positional.join(' '), false));
    return 0;
  }
  const out: string[] = [];
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    out.push(answerOne(line, true));
    // Flush in chunks: thousands of questions should not sit in memory as one string.
    if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : err instanceof Error ? err.message : err);
    process.exitCode = 2;
  },
);
