import { decide } from '../core/search/decide.js';
import { FEATURES } from '../core/search/features.js';
import type { KnowledgeIndex } from '../core/search/index.js';

/** Why an answer won: the query's terms, every feature of the top candidates, and the decision's inputs. */
export function explain(index: KnowledgeIndex, question: string, top = 5): string {
  const outcome = index.search(question, top);
  const q = outcome.query;
  const lines = [
    `terms: ${q.terms.map((t) => `${t}(${(q.info.get(t) ?? 0).toFixed(2)}${q.generic.has(t) ? ', generic' : ''})`).join(' ')}`,
    `intent: ${q.intent}${q.unknownLatin.length ? `  unknown: ${q.unknownLatin.join(' ')}` : ''}`,
    `expanded: ${[...q.sent].filter(([t, s]) => s.origin !== t).map(([t, s]) => `${t}←${s.origin ?? 'synonym'}(${s.weight})`).join(' ') || '-'}`,
    ['rank', 'score', ...FEATURES, 'entry'].join('\t'),
    ...outcome.hits.map((h, i) => [i + 1, h.score.toFixed(2), ...FEATURES.map((f) => h.features[f].toFixed(2)), h.entry.id].join('\t')),
  ];
  const d = decide(q, outcome.hits);
  lines.push(`decision: ${d.kind} (p ${d.probability.toFixed(3)})${d.features ? `  ${Object.entries(d.features).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' ')}` : ''}`);
  return lines.join('\n');
}
