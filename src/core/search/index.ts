import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { hasHan, normalize, tokenize } from './tokenize.js';

export interface SearchHit {
  entry: Entry;
  score: number;
  /** Query words (not expansions) the entry matched. */
  matched: string[];
  /** Share of the question's information (IDF-weighted words) the entry matched, 0..1. */
  coverage: number;
  /** The same, counting only matches in the entry's question, alternative phrasings and tags. */
  titleCoverage: number;
}

export interface SearchOutcome {
  /** Distinct query words after stop words, synonyms excluded. */
  terms: string[];
  /** Latin query words the base does not contain, even allowing for typos. */
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
const TITLE_FIELDS = new Set(['question', 'aliases', 'tags']);
// Questions and aliases are what users paraphrase; answers are long and mention everything.
const BOOST = { question: 3, aliases: 2.5, tags: 2, short: 1.2, answer: 0.6 };
/** A synonym counts less than a word the user typed, so it helps recall without outvoting them. */
const EXPANSION_WEIGHT = 0.35;
const TYPO_WEIGHT = 0.8;
const PREFIX_WEIGHT = 0.5;
const UNKNOWN_BIGRAM_SHARE = 0.25;
const HAN_INFO_SCALE = 0.5;

const isLatin = (term: string) => /^[a-z0-9]+$/.test(term);
const tokenizeToTerms = (text: string): string[] => tokenize(text).map((t) => t.term);
const fieldText = (doc: Doc, f: (typeof FIELDS)[number]) => {
  const v = doc[f];
  return Array.isArray(v) ? v.join(' \n ') : v;
};

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

/** What one typed word became on its way to the index. */
interface Sent {
  weight: number;
  /** The typed word this term stands for; undefined for synonym expansions. */
  origin?: string;
}

export class KnowledgeIndex {
  private readonly ms: MiniSearch<Doc>;
  private readonly rules = buildSynonymRules();
  /** Latin term → number of entries using it: the dictionary for typo correction and completion. */
  private readonly latinVocab = new SearchableMap<number>();
  /** Every term → number of entries using it, for weighting how informative a query word is. */
  private readonly docFreq = new Map<string, number>();

  constructor(readonly kb: KnowledgeBase) {
    this.ms = new MiniSearch<Doc>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize: (text) => tokenizeToTerms(text),
      processTerm: (term) => term,
      extractField: (doc, field) => fieldText(doc, field as (typeof FIELDS)[number]),
      searchOptions: { boost: BOOST, combineWith: 'OR' },
    });
    const docs = kb.entries.map(toDoc);
    this.ms.addAll(docs);
    for (const doc of docs) {
      const seen = new Set<string>();
      for (const f of FIELDS) for (const t of tokenizeToTerms(fieldText(doc, f))) seen.add(t);
      for (const t of seen) {
        this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
        if (isLatin(t)) this.latinVocab.set(t, (this.latinVocab.get(t) ?? 0) + 1);
      }
    }
  }

  get documentCount(): number {
    return this.ms.documentCount;
  }

  /** How much a word tells apart entries: rare words a lot, unknown words the most. */
  private idf(term: string): number {
    return Math.log(1 + this.ms.documentCount / Math.max(1, this.docFreq.get(term) ?? 0.5));
  }

  search(query: string, limit = 10, opts: { prefixLast?: boolean } = {}): SearchOutcome {
    const terms = [...new Set(tokenize(query).map((t) => t.term))];
    if (terms.length === 0) return { terms, unknownLatin: [], hits: [] };

    const sent = new Map<string, Sent>();
    const send = (term: string, weight: number, origin?: string) => {
      const prev = sent.get(term);
      if (!prev || prev.weight < weight) sent.set(term, { weight, origin: origin ?? prev?.origin });
    };
    const unknownLatin: string[] = [];
    /** How informative each typed word is, and how much a match through a stand-in is worth. */
    const info = new Map<string, number>();
    terms.forEach((t, i) => {
      if (!isLatin(t)) {
        send(t, 1, t);
        // A bigram no entry contains is usually a seam between two words (`针失` in `探针失败`), not a
        // missing concept, so it weighs little; an unknown Latin word is usually a missing concept.
        // Overlapping bigrams of one word are not independent evidence: `生命周期` is one idea, not three.
        info.set(t, HAN_INFO_SCALE * (this.docFreq.has(t) ? this.idf(t) : UNKNOWN_BIGRAM_SHARE * this.idf('\u0000unknown')));
        return;
      }
      const known = this.latinVocab.has(t);
      const completing = opts.prefixLast === true && i === terms.length - 1 && t.length >= 2;
      if (known) send(t, 1, t);
      else for (const c of this.typoCandidates(t)) send(c, TYPO_WEIGHT, t);
      // Completions help a word still being typed, or a truncated one; a known word needs none.
      if (completing || (!known && t.length >= 4)) for (const c of this.completions(t)) send(c, PREFIX_WEIGHT, t);
      const reached = [...sent.values()].some((x) => x.origin === t);
      // Numbers and sizes (`1.5g`, `40gb`, `v1`) are details, not the subject of a question.
      const detail = /[0-9]/.test(t);
      if (!reached && !detail) unknownLatin.push(t);
      info.set(t, detail ? 0.2 * this.idf(t) : known ? this.idf(t) : this.idf('\u0000unknown'));
    });
    for (const t of this.expand(query, terms)) send(t, EXPANSION_WEIGHT);

    const results = this.ms.search([...sent.keys()].join(' '), {
      boost: BOOST,
      boostTerm: (term: string) => sent.get(term)?.weight ?? 1,
      fuzzy: false,
      prefix: false,
      tokenize: (t: string) => t.split(' '),
      processTerm: (t: string) => t,
    });

    const totalInfo = [...info.values()].reduce((a, b) => a + b, 0);
    const hits: SearchHit[] = [];
    for (const r of results) {
      const entry = this.kb.byId.get(String(r.id));
      if (!entry) continue;
      // Per typed word: the best way it matched (itself beats a typo fix or a completion), anywhere and in the title fields.
      const any = new Map<string, number>();
      const title = new Map<string, number>();
      for (const q of r.queryTerms) {
        const s = sent.get(q);
        if (!s?.origin) continue;
        any.set(s.origin, Math.max(any.get(s.origin) ?? 0, s.weight));
        if ((r.match[q] ?? []).some((f) => TITLE_FIELDS.has(f))) title.set(s.origin, Math.max(title.get(s.origin) ?? 0, s.weight));
      }
      const share = (m: Map<string, number>) => [...m].reduce((sum, [o, w]) => sum + w * (info.get(o) ?? 0), 0) / totalInfo;
      // MiniSearch multiplies a score by how many query terms matched; with typo, prefix and synonym
      // terms in the query that would reward matching expansions. Count the words the user typed instead.
      const score = (r.score / Math.max(1, r.queryTerms.length)) * Math.max(1, any.size);
      hits.push({ entry, score, matched: [...any.keys()], coverage: share(any), titleCoverage: share(title) });
    }
    hits.sort((a, b) => b.score - a.score);
    return { terms, unknownLatin, hits: hits.slice(0, limit) };
  }

  /**
   * Typo correction against the Latin vocabulary only: fuzzy search over the whole index would
   * wade through tens of thousands of Chinese bigrams (measured: ~10 ms a word instead of ~0.5).
   * Short words are left alone: at four letters a single edit turns most words into others.
   */
  private typoCandidates(term: string): string[] {
    const max = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
    if (max === 0 || /[0-9]/.test(term)) return [];
    // People rarely mistype the first letter; requiring it keeps `spring` from becoming `string`'s cousin.
    const found = [...this.latinVocab.fuzzyGet(term, max).entries()].filter(([k]) => k[0] === term[0]);
    if (found.length === 0) return [];
    const best = Math.min(...found.map(([, [, d]]) => d));
    return found
      .filter(([, [, d]]) => d === best)
      .sort((a, b) => b[1][0] - a[1][0])
      .slice(0, 3)
      .map(([k]) => k);
  }

  /** Completions of a word, most common first. */
  private completions(prefix: string): string[] {
    const out: [string, number][] = [];
    for (const [k, n] of this.latinVocab.atPrefix(prefix)) if (k !== prefix) out.push([k, n]);
    return out
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k]) => k);
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
