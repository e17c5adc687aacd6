import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { environmentWithDotenv, loadConfig } from '../config/config.js';
import { loadKnowledgeIndex } from '../app/knowledge.js';
import { decisionFeatures, DECISION_FEATURES } from '../core/search/decide.js';
import { FEATURES } from '../core/search/features.js';
import { rankScore, sigmoid } from '../core/search/rank.js';
import { isSmallTalk } from '../core/search/small-talk.js';
import { PACKAGE_ROOT } from '../paths.js';
import { checkAgainstKnowledge, loadSet } from './eval-sets.js';
import { fitListwise, fitLogistic, type RankGroup } from './train-fit.js';
import { OFF_TOPIC_STYLES } from './eval-score.js';

/**
 * Fits the ranker and the answer/decline decision on the *train* split only, and writes
 * src/core/search/model.ts. Validation is never read here: its figures stay honest.
 */
const MODEL_FILE = join(PACKAGE_ROOT, 'src/core/search/model.ts');

function main(): number {
  const { values } = parseArgs({ options: { precision: { type: 'string', default: '0.95' }, 'off-topic-offers': { type: 'string', default: '0.02' }, 'dry-run': { type: 'boolean' }, 'allow-unlabelled': { type: 'boolean' } } });
  const targetPrecision = Number(values.precision);
  const offerShare = Number(values['off-topic-offers']);
  const config = loadConfig(environmentWithDotenv(process.env, process.cwd()));
  const { kb, index } = loadKnowledgeIndex(config.knowledgeDir);
  const { questions, problems } = loadSet('train');
  problems.push(...checkAgainstKnowledge(kb, questions));
  // While a set is still being labelled, its labelled part can be used on request.
  if (values['allow-unlabelled']) problems.splice(0, problems.length, ...problems.filter((p) => !p.includes('not labelled')));
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    return 1;
  }
  const usable = questions.filter((q) => !isSmallTalk(q.q));
  const searched = usable.map((q) => ({ q, outcome: index.search(q.q, 1000) })).filter((s) => s.outcome.hits.length > 0);

  // 1. Ranker: every covered question whose right entry is among the candidates.
  const groups: RankGroup[] = [];
  for (const { q, outcome } of searched) {
    if (q.expect.length === 0) continue;
    const right = outcome.hits.map((h) => q.expect.includes(h.entry.id));
    if (!right.some(Boolean) || right.every(Boolean)) continue;
    groups.push({ rows: outcome.hits.map((h) => FEATURES.map((f) => h.features[f])), right });
  }
  const rankFit = fitListwise(groups, FEATURES.length);
  const ranker = { bias: 0, weights: Object.fromEntries(FEATURES.map((f, i) => [f, round(rankFit.weights[i]!)])) as Record<(typeof FEATURES)[number], number> };

  // 2. Decision: is the (re-ranked) best candidate right? Must-decline questions are never right.
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const { q, outcome } of searched) {
    const hits = outcome.hits.map((h) => ({ ...h, score: rankScore(h.features, ranker) })).sort((a, b) => b.score - a.score);
    const f = decisionFeatures(outcome.query, hits);
    if (!f) throw new Error(`no candidate at all for "${q.q}"`);
    rows.push(DECISION_FEATURES.map((k) => f[k]));
    labels.push(q.expect.includes(hits[0]!.entry.id) ? 1 : 0);
  }
  const decFit = fitLogistic(rows, labels, DECISION_FEATURES.length);
  const decider = { bias: round(decFit.bias), weights: Object.fromEntries(DECISION_FEATURES.map((f, i) => [f, round(decFit.weights[i]!)])) };
  const probs = rows.map((r) => sigmoid(decider.bias + r.reduce((s, x, i) => s + x * decider.weights[DECISION_FEATURES[i]!]!, 0)));

  // 3. On topic at all? Off-topic questions and small talk against everything else.
  const domainLabels = searched.map(({ q }) => (OFF_TOPIC_STYLES.has(q.style) ? 0 : 1));
  const domainRows = rows; // one row per searched question, in the same order
  const domFit = fitLogistic(domainRows, domainLabels, DECISION_FEATURES.length);
  const domain = { bias: round(domFit.bias), weights: Object.fromEntries(DECISION_FEATURES.map((f, i) => [f, round(domFit.weights[i]!)])) };
  const onTopic = domainRows.map((r) => sigmoid(domain.bias + r.reduce((s, x, i) => s + x * domain.weights[DECISION_FEATURES[i]!]!, 0)));

  // 4. Thresholds: answer where train precision reaches the target; offer "did you mean" when the best
  // entry is more likely right than not, for questions on topic; the on-topic bar lets through at most
  // `offerShare` of off-topic questions.
  const order = probs.map((p, i) => [p, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  let answer = 1;
  let right = 0;
  order.forEach(([p, y], i) => {
    right += y;
    if (right / (i + 1) >= targetPrecision && (i + 1 === order.length || order[i + 1]![0] < p)) answer = p;
  });
  const didYouMean = Math.min(answer, 0.5);
  const offTopicScores = onTopic.filter((_, i) => domainLabels[i] === 0 && probs[i]! >= didYouMean && probs[i]! < answer).sort((a, b) => b - a);
  const offTopicCount = domainLabels.filter((y) => y === 0).length;
  const onTopicBar = (offTopicScores[Math.floor(offerShare * offTopicCount)] ?? 0) + 1e-6;
  const thresholds = { answer: round(answer), didYouMean: round(didYouMean), onTopic: round(onTopicBar) };
  const text = `// Generated by \`npm run train\` from the training split (test/eval/dev, splits.yaml: train). Do not edit by hand.
// ${groups.length} ranking groups, ${rows.length} decision examples; answer at train precision ≥ ${targetPrecision}, offers for ≤ ${offerShare * 100}% of off-topic questions.
export const RANKER = ${JSON.stringify(ranker)};
export const DECIDER = ${JSON.stringify(decider)};
export const DOMAIN = ${JSON.stringify(domain)};
export const THRESHOLDS = ${JSON.stringify(thresholds)};
`;
  console.log(text);
  if (!values['dry-run']) writeFileSync(MODEL_FILE, text);
  return 0;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

process.exitCode = main();
