import { longestIsKeyShare } from '../core/knowledge/quiz-stats.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { buildKnowledge, readKnowledgeDir, SEED_SECTIONS_FILE } from '../core/knowledge/load.js';
import { checkCoverage, type SeedSections } from '../core/knowledge/coverage.js';
import { formatProblem } from '../core/knowledge/validate.js';
import { DEFAULT_KNOWLEDGE_DIR, DEFAULT_SEEDS_DIR } from '../paths.js';
import { parseArgs, UsageError } from './args.js';

const USAGE = 'usage: npm run kb:check -- [--json] [--coverage] [--corrections] [--dir knowledge/] [--seeds ../shared/seeds/]';

function main(): number {
  const { flags } = parseArgs(process.argv.slice(2), { json: 'bool', coverage: 'bool', corrections: 'bool', dir: 'value', seeds: 'value', help: 'bool' });
  if (flags.has('help')) {
    console.log(USAGE);
    return 0;
  }
  const dir = String(flags.get('dir') ?? DEFAULT_KNOWLEDGE_DIR);
  const seedsDir = String(flags.get('seeds') ?? DEFAULT_SEEDS_DIR);
  const { kb, problems } = buildKnowledge(readKnowledgeDir(dir));

  const sectionsFile = join(dir, SEED_SECTIONS_FILE);
  // A base without a seed list (a fork, a test fixture) simply has no coverage to check.
  const seeds = existsSync(sectionsFile) ? (parseYaml(readFileSync(sectionsFile, 'utf8')) as { seeds: SeedSections[] }).seeds : [];
  const seedTexts = new Map<string, string>();
  for (const s of seeds) {
    const p = join(seedsDir, s.file);
    if (existsSync(p)) seedTexts.set(s.file, readFileSync(p, 'utf8'));
  }
  const coverage = checkCoverage(seeds, kb.entries, seedTexts);
  const sectionCount = seeds.reduce((n, s) => n + s.sections.length, 0);
  const coverageGaps = coverage.uncovered.length + coverage.unlisted.length + coverage.missingFromSeed.length + coverage.unknownCitations.length;

  const byTopic: Record<string, number> = {};
  const byLevel: Record<string, number> = {};
  for (const e of kb.entries) {
    byTopic[e.topic] = (byTopic[e.topic] ?? 0) + 1;
    byLevel[e.level] = (byLevel[e.level] ?? 0) + 1;
  }
  const summary = {
    entries: kb.entries.length,
    bilingual: kb.entries.filter((e) => e.zh.answer && e.en.answer && e.zh.aliases.length >= 2 && e.en.aliases.length >= 2).length,
    quizItems: kb.entries.reduce((n, e) => n + e.quiz.length, 0),
    keyPoints: kb.entries.reduce((n, e) => n + e.zh.keyPoints.length + e.en.keyPoints.length, 0),
    longestIsKey: Object.fromEntries(Object.entries(longestIsKeyShare(kb)).map(([l, v]) => [l, Math.round(v * 1000) / 1000])),
    topics: kb.topics.length,
    byTopic,
    byLevel,
    withRefs: kb.entries.filter((e) => e.refs.length > 0).length,
    corrections: kb.entries.reduce((n, e) => n + e.corrections.length, 0),
    seedSections: sectionCount,
    seedSectionsCovered: sectionCount - coverage.uncovered.length,
    seedsChecked: seedTexts.size,
    problems: problems.length,
    coverageGaps,
  };

  if (flags.has('json')) {
    console.log(JSON.stringify(flags.has('coverage') ? { ...summary, coverage: coverage.record } : summary));
  } else {
    console.log(`knowledge: ${summary.entries} entries in ${summary.topics} topics, ${summary.bilingual} complete in both languages, ${summary.quizItems} quiz items, ${summary.withRefs} with references, ${summary.corrections} corrections noted`);
    console.log(`  by topic: ${Object.entries(byTopic).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    console.log(`  by level: ${Object.entries(byLevel).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    console.log(`  key points: ${summary.keyPoints}; quiz items whose right option is the longest: zh ${(summary.longestIsKey.zh! * 100).toFixed(1)}%, en ${(summary.longestIsKey.en! * 100).toFixed(1)}% (chance is 25%)`);
    console.log(`seed coverage: ${summary.seedSectionsCovered}/${sectionCount} sections covered (${seedTexts.size}/${seeds.length} seed files found in ${seedsDir})`);
    if (flags.has('coverage')) {
      for (const [seed, sections] of Object.entries(coverage.record)) {
        console.log(`  ${seed}`);
        for (const [sec, ids] of Object.entries(sections)) console.log(`    ${sec}  →  ${ids.join(', ') || '(none)'}`);
      }
    }
    if (flags.has('corrections')) {
      console.log('corrections (what the seed notes got wrong, and what changed between versions):');
      for (const e of kb.entries) for (const c of e.corrections) console.log(`  ${e.id}: ${c}`);
    }
    for (const u of coverage.uncovered) console.log(`  uncovered: ${u.seed}: ${u.section}`);
    for (const u of coverage.unlisted) console.log(`  not in seed-sections.yaml: ${u.seed}: ${u.line}`);
    for (const u of coverage.missingFromSeed) console.log(`  listed but not found in the seed: ${u.seed}: ${u.section}`);
    for (const u of coverage.unknownCitations) console.log(`  entry ${u.entry} cites an unknown ${u.section ? `section "${u.section}" of ${u.seed}` : `seed ${u.seed}`}`);
    if (problems.length > 0) {
      console.log(`\n${problems.length} problem(s):`);
      for (const p of problems) console.log(`  - ${formatProblem(p)}`);
    } else console.log('schema: every entry is valid');
  }
  return problems.length > 0 || coverageGaps > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(err instanceof UsageError ? `${err.message}\n${USAGE}` : err);
  process.exitCode = 2;
}
