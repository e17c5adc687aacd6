import MiniSearch, { type SearchResult } from 'minisearch';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { hasHan, normalize, tokenize } from './tokenize.js';

export interface SearchHit {
  entry: Entry;
  score: number;
  /** Query words (not expansions) the entry matched. */
  matched: string[];
}

export interface SearchOutcome {
  /** Distinct query words after stop words, synonyms excluded. */
  terms: string[];
  /** Latin query words found nowhere in the base, even allowing for typos. */
  unknownLatin: string[];
  hits: SearchHit[];
}

interface Doc {
  id: string;
  question: string;
  aliases: string[];
  tags: string[];
  short: string;
  answer: string;
}

const FIELDS = ['question', 'aliases', 'tags', 'short', 'answer'] as const;
// Questions and aliases are what users paraphrase; answers are long and mention everything.
const BOOST = { question: 3, aliases: 2.5, tags: 2, short: 1.2, answer: 0.6 };
const EXPANSION_WEIGHT = 0.35;

const isLatin = (term: string) => /^[a-z0-9]+$/.test(term);
/** Typos only make sense for words long enough to carry them; Chinese bigrams are never fuzzed. */
const fuzzyFor = (term: string) => (isLatin(term) && term.length >= 5 ? 0.2 : isLatin(term) && term.length === 4 ? 1 / 4 : false);
/** Prefix matching on short words hurts (`is` would match `istio`). */
const prefixFor = (term: string) => isLatin(term) && term.length >= 5;

const tokenizeToTerms = (text: string): string[] => tokenize(text).map((t) => t.term);

interface SynonymRule {
  latinPhrase?: string[];
  hanPhrase?: string;
  expansion: string[];
}

function buildSynonymRules(): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const group of SYNONYM_GROUPS) {
    for (const phrase of group) {
      const expansion = [...new Set(group.filter((p) => p !== phrase).flatMap(tokenizeToTerms))];
      const norm = normalize(phrase).toLowerCase();
      if (hasHan(norm)) rules.push({ hanPhrase: norm, expansion });
      else rules.push({ latinPhrase: tokenizeToTerms(norm), expansion });
    }
  }
  return rules;
}

export class KnowledgeIndex {
  private readonly ms: MiniSearch<Doc>;
  private readonly rules = buildSynonymRules();

  constructor(readonly kb: KnowledgeBase) {
    this.ms = new MiniSearch<Doc>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize: (text) => tokenizeToTerms(text),
      processTerm: (term) => term,
      extractField: (doc, field) => {
        const v = (doc as unknown as Record<string, unknown>)[field];
        return Array.isArray(v) ? v.join(' \n ') : String(v ?? '');
      },
      searchOptions: { boost: BOOST, combineWith: 'OR' },
    });
    this.ms.addAll(kb.entries.map(toDoc));
  }

  get documentCount(): number {
    return this.ms.documentCount;
  }

  search(query: string, limit = 10, opts: { prefixLast?: boolean } = {}): SearchOutcome {
    const tokens = tokenize(query);
    const terms = [...new Set(tokens.map((t) => t.term))];
    if (terms.length === 0) return { terms, unknownLatin: [], hits: [] };

    const expansion = this.expand(query, terms).filter((t) => !terms.includes(t));
    const options = {
      boost: BOOST,
      fuzzy: (term: string) => fuzzyFor(term),
      // While someone is still typing, the last word is usually incomplete.
      prefix: (term: string, i: number, all: string[]) => prefixFor(term) || (opts.prefixLast === true && i === all.length - 1 && term.length >= 2),
      tokenize: (t: string) => t.split(' '),
      processTerm: (t: string) => t,
    };
    const typed = this.ms.search(terms.join(' '), options);
    const expanded = expansion.length > 0 ? this.ms.search(expansion.join(' '), { ...options, fuzzy: false, prefix: false }) : [];

    const seen = new Set<string>();
    for (const r of typed) for (const q of r.queryTerms) seen.add(q);
    const unknownLatin = terms.filter((t) => isLatin(t) && t.length >= 2 && !seen.has(t));

    const byId = new Map<string, SearchHit>();
    const add = (r: SearchResult, weight: number, counts: boolean) => {
      const entry = this.kb.byId.get(String(r.id));
      if (!entry) return;
      const hit = byId.get(entry.id) ?? { entry, score: 0, matched: [] };
      hit.score += r.score * weight;
      if (counts) hit.matched = [...new Set([...hit.matched, ...r.queryTerms])];
      byId.set(entry.id, hit);
    };
    for (const r of typed) add(r, 1, true);
    for (const r of expanded) add(r, EXPANSION_WEIGHT, false);
    const hits = [...byId.values()].sort((a, b) => b.score - a.score).slice(0, limit);
    return { terms, unknownLatin, hits };
  }

  /** Synonym expansion: Chinese phrases match as substrings, Latin ones as whole-word sequences. */
  private expand(query: string, terms: string[]): string[] {
    const text = normalize(query).toLowerCase();
    const out = new Set<string>();
    for (const rule of this.rules) {
      const hit = rule.hanPhrase ? text.includes(rule.hanPhrase) : containsSequence(terms, rule.latinPhrase ?? []);
      if (hit) for (const t of rule.expansion) out.add(t);
    }
    return [...out];
  }
}

function containsSequence(terms: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  if (phrase.length === 1) return terms.includes(phrase[0]!);
  for (let i = 0; i + phrase.length <= terms.length; i++) if (phrase.every((p, j) => terms[i + j] === p)) return true;
  return false;
}

function toDoc(e: Entry): Doc {
  return {
    id: e.id,
    question: `${e.zh.question} \n ${e.en.question}`,
    aliases: [...e.zh.aliases, ...e.en.aliases],
    tags: [...e.tags, e.id.replace(/-/g, ' ')],
    short: `${e.zh.short} \n ${e.en.short}`,
    answer: `${e.zh.answer} \n ${e.en.answer}`,
  };
}
