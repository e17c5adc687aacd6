import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import { environmentWithDotenv, loadConfig } from '../config/config.js';
import { ask } from '../core/answer/ask.js';
import { loadKnowledge } from '../core/knowledge/load.js';
import type { Entry, KnowledgeBase } from '../core/knowledge/types.js';
import { KnowledgeIndex } from '../core/search/index.js';
import { PACKAGE_ROOT } from '../paths.js';
import { parseArgs } from './args.js';

/**
 * `npm run bench`: speed and memory figures, printed, never asserted (timings on a shared
 * two-core machine are not pass/fail material). `--json` prints one line for tooling.
 */

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (x: number) => `${x.toFixed(3)} ms`;

function queries(): string[] {
  const dir = join(PACKAGE_ROOT, 'test/eval/queries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (parseYaml(readFileSync(join(dir, f), 'utf8')) as { q: string }[]).map((x) => String(x.q)));
}

function latency(index: KnowledgeIndex, qs: string[], rounds: number) {
  // One unmeasured pass: JIT compilation and structures built on first need (the typo dictionary)
  // are start-up costs, reported by the cold-start figure, not per-answer latency.
  for (const q of qs) ask(index, q);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of qs) {
      const t0 = performance.now();
      ask(index, q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { n: times.length, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] ?? 0 };
}

/** A 10,000-entry base made by recombining the real entries' sentences, so term statistics stay realistic. */
function synthetic(kb: KnowledgeBase, size: number): KnowledgeBase {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const entries: Entry[] = [];
  for (let i = 0; i < size; i++) {
    const a = pick(kb.entries);
    const b = pick(kb.entries);
    entries.push({
      ...a,
      id: `${a.id}-${i}`,
      related: [],
      zh: { ...a.zh, question: `${a.zh.question}${b.zh.aliases[0] ?? ''}`, answer: `${a.zh.answer}\n${b.zh.short}` },
      en: { ...a.en, question: `${a.en.question} ${b.en.aliases[0] ?? ''}`, answer: `${a.en.answer}\n${b.en.short}` },
    });
  }
  return { topics: kb.topics, entries, byId: new Map(entries.map((e) => [e.id, e])) };
}

/**
 * Process start → first answer printed, as `npm run ask` does it. With `edited`, each run sees a
 * knowledge base changed since the last run (a comment appended), so nothing comes from the cache:
 * the first start after an edit.
 */
function coldStart(runs: number, knowledgeDir: string, edited: boolean) {
  const script = fileURLToPath(new URL('./ask.js', import.meta.url));
  const times: number[] = [];
  const copy = edited ? mkdtempSync(join(tmpdir(), 'kb-bench-')) : undefined;
  if (copy) cpSync(knowledgeDir, copy, { recursive: true });
  try {
    for (let i = 0; i < runs; i++) {
      if (copy) appendFileSync(join(copy, readdirSync(copy).find((f) => f.endsWith('.yaml') && f !== 'seed-sections.yaml')!), `\n# bench run ${i} ${Date.now()}\n`);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [script, 'kube-proxy 的 ipvs 模式有什么优势'], { encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: copy ?? knowledgeDir } });
      if (r.status !== 0) throw new Error(`cold start run failed: ${r.stderr}`);
      times.push(performance.now() - t0);
    }
  } finally {
    if (copy) rmSync(copy, { recursive: true, force: true });
  }
  times.sort((a, b) => a - b);
  return { runs, median: percentile(times, 50), min: times[0] ?? 0 };
}

async function main() {
  const { flags } = parseArgs(process.argv.slice(2), { json: 'bool', quick: 'bool' });
  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()));
  const qs = queries();

  const t0 = performance.now();
  const kb = loadKnowledge(config.knowledgeDir);
  const tLoad = performance.now() - t0;
  const t1 = performance.now();
  const index = new KnowledgeIndex(kb);
  const tBuild = performance.now() - t1;
  const real = latency(index, qs, flags.has('quick') ? 1 : 5);
  const rssReal = process.memoryUsage().rss;

  const big = synthetic(kb, 10_000);
  const t2 = performance.now();
  const bigIndex = new KnowledgeIndex(big);
  const tBigBuild = performance.now() - t2;
  const large = latency(bigIndex, qs, 1);
  const runs = flags.has('quick') ? 2 : 5;
  coldStart(1, config.knowledgeDir, false); // make sure the cache exists
  const cold = coldStart(runs, config.knowledgeDir, false);
  const coldEdited = coldStart(runs, config.knowledgeDir, true);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  // The real platform clients against the local fakes (127.0.0.1 only), loaded only here.
  const discord = await (await import('../adapters/discord/bench.js')).benchDiscord({ knowledgeDir: config.knowledgeDir });
  const slack = await (await import('../adapters/slack/bench.js')).benchSlack();

  const result = {
    entries: kb.entries.length,
    queries: qs.length,
    loadMs: tLoad,
    indexBuildMs: tBuild,
    real,
    synthetic: { entries: big.entries.length, indexBuildMs: tBigBuild, ...large },
    coldStartMs: cold.median,
    coldStartAfterEditMs: coldEdited.median,
    rssAfterRealMb: rssReal / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
    discord,
    slack,
  };
  if (flags.has('json')) {
    console.log(JSON.stringify(result));
    return;
  }
  console.log(`knowledge: ${kb.entries.length} entries; load+validate ${ms(tLoad)}, index build ${ms(tBuild)}`);
  console.log(`answer latency, real base (${real.n} asks): p50 ${ms(real.p50)}, p99 ${ms(real.p99)}, max ${ms(real.max)}   target p99 < 1 ms`);
  console.log(`answer latency, synthetic ${big.entries.length} entries (build ${ms(tBigBuild)}, ${large.n} asks): p50 ${ms(large.p50)}, p99 ${ms(large.p99)}   target p99 < 10 ms`);
  console.log(`cold start, process start → first answer printed (median of ${cold.runs}): ${ms(cold.median)}   target < 1000 ms`);
  console.log(`cold start right after a knowledge edit (YAML parsed, validated and indexed; median of ${coldEdited.runs}): ${ms(coldEdited.median)}`);
  console.log(`memory: RSS with the real base ${(rssReal / 2 ** 20).toFixed(1)} MB; peak RSS including the synthetic base ${(peakRss / 2 ** 20).toFixed(1)} MB`);
  console.log(`discord: interaction dispatch → reply callback (${discord.n}): p50 ${ms(discord.p50)}, p99 ${ms(discord.p99)}`);
  console.log(`slack: request → ack, HTTP (${slack.http.n}): p50 ${ms(slack.http.p50)}, p99 ${ms(slack.http.p99)}; Socket Mode (${slack.socket.n}): p50 ${ms(slack.socket.p50)}, p99 ${ms(slack.socket.p99)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
