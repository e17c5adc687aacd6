import type { Entry, Lang } from '../knowledge/types.js';
import type { KnowledgeIndex, SearchHit, SearchOutcome } from '../search/index.js';
import { hasHan, normalize } from '../search/tokenize.js';

export const MAX_QUESTION_CHARS = 500;

export type AskStatus = 'answered' | 'declined' | 'invalid';
export type InvalidReason = 'empty' | 'too-long' | 'no-words';

export interface AskResult {
  query: string;
  lang: Lang;
  status: AskStatus;
  reason?: InvalidReason;
  entry?: Entry;
  /** 0..1: how much of the question the chosen entry accounts for. */
  confidence: number;
  /** Close questions offered instead of (or besides) an answer. */
  suggestions: Entry[];
  related: Entry[];
}

/**
 * When to answer. Measured with `npm run eval` on the query set in test/eval/queries: raising
 * them improves off-topic rejection and costs hit@1.
 */
export const THRESHOLDS = {
  /** Share of the question's information (IDF-weighted words) the best entry must match. */
  minCoverage: 0.5,
  /** Share that must match the entry's question, phrasings or tags, not just its answer text. */
  minTitleCoverage: 0.25,
  /** With a word the base has never seen, the rest of the question must match this well. */
  minCoverageWithUnknown: 0.6,
  /** A question about another technology must match this well to be taken as a Kubernetes question. */
  minCoverageOffDomain: 0.8,
  /** Below this, a close runner-up means the bot is guessing. */
  minCoverageWhenAmbiguous: 0.6,
  /** Suggestions must at least match this share. */
  minSuggestionCoverage: 0.3,
};

export function detectLang(text: string): Lang {
  return hasHan(text) ? 'zh' : 'en';
}

export interface AskOptions {
  lang?: Lang;
}

export function ask(index: KnowledgeIndex, rawQuery: string, options: AskOptions = {}): AskResult {
  const query = normalize(rawQuery);
  const lang = options.lang ?? detectLang(query);
  const base = { query, lang, confidence: 0, suggestions: [], related: [] };
  if (query.length === 0) return { ...base, status: 'invalid', reason: 'empty' };
  if (query.length > MAX_QUESTION_CHARS) return { ...base, status: 'invalid', reason: 'too-long' };

  const outcome = index.search(query, 8);
  if (outcome.terms.length === 0) return { ...base, status: 'invalid', reason: 'no-words' };

  const decision = decide(outcome, query.toLowerCase());
  if (!decision.best) {
    const suggestions = outcome.hits.filter((h) => h.coverage >= THRESHOLDS.minSuggestionCoverage).slice(0, 3).map((h) => h.entry);
    return { ...base, status: 'declined', confidence: decision.confidence, suggestions };
  }
  const entry = decision.best.entry;
  const related = pickRelated(index, entry, outcome.hits);
  return { ...base, status: 'answered', entry, confidence: decision.confidence, related };
}

/**
 * Technologies people also ask interview questions about. Their words often appear in the base
 * in passing (a JVM heap limit, a Redis StatefulSet), so keyword overlap alone would answer
 * `JVM 垃圾回收` with an owner-reference entry; when the question is about one of these and the
 * entry is not, it has to match unusually well.
 */
const OFF_DOMAIN = new Set(
  ('react vue angular jquery svelte spring springboot django flask rails laravel jvm java javascript typescript nodejs python golang ' +
    'php ruby rust csharp dotnet redis mysql postgres postgresql mongodb kafka rabbitmq elasticsearch hadoop spark flink tensorflow pytorch ' +
    'android ios iphone swift excel css html sql oracle jenkins webpack nginx apache tomcat aws elb ec2 lambda dynamodb terraform ' +
    'ansible git github gitlab maven gradle npm tcp udp http https')
    .split(' '),
);
const OFF_DOMAIN_ZH = ['数据库', '设计模式', '单例', '操作系统', '进程调度'];

/** A runner-up scoring at least this share of the top entry's score makes the top a guess. */
const AMBIGUOUS_RATIO = 0.6;

export function decide(outcome: SearchOutcome, query = ''): { best?: SearchHit; confidence: number } {
  const top = outcome.hits[0];
  if (!top) return { confidence: 0 };
  const confidence = Math.min(1, top.coverage);
  if (top.coverage < THRESHOLDS.minCoverage || top.titleCoverage < THRESHOLDS.minTitleCoverage) return { confidence };
  if (outcome.unknownLatin.some((t) => t.length >= 3) && top.coverage < THRESHOLDS.minCoverageWithUnknown) return { confidence };
  const e = top.entry;
  const title = [...e.tags, e.en.question, ...e.en.aliases, e.zh.question, ...e.zh.aliases].join(' ').toLowerCase();
  const offDomain = [...outcome.terms.filter((t) => OFF_DOMAIN.has(t)), ...OFF_DOMAIN_ZH.filter((w) => query.includes(w))].filter((t) => !title.includes(t));
  if (offDomain.length > 0 && top.coverage < THRESHOLDS.minCoverageOffDomain) return { confidence };
  // A weak match that another entry matches almost as well is a guess, not an answer.
  const runnerUp = outcome.hits[1];
  if (runnerUp && top.coverage < THRESHOLDS.minCoverageWhenAmbiguous && runnerUp.score >= AMBIGUOUS_RATIO * top.score) return { confidence };
  return { best: top, confidence };
}

/** The author's related list first, then other strong matches for the same question. */
function pickRelated(index: KnowledgeIndex, entry: Entry, hits: SearchHit[]): Entry[] {
  const out: Entry[] = [];
  for (const id of entry.related) {
    const e = index.kb.byId.get(id);
    if (e && e.id !== entry.id) out.push(e);
  }
  const topScore = hits[0]?.score ?? 0;
  for (const h of hits.slice(1)) if (h.score >= topScore * 0.5 && !out.includes(h.entry) && h.entry.id !== entry.id) out.push(h.entry);
  return out.slice(0, 4);
}
