import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { SYNONYM_GROUPS } from './synonyms.js';
import { hasHan, normalize, tokenize } from './tokenize.js';
import { TypoDictionary } from './typos.js';

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
  /** The question, its alternative phrasings and the tags: what users paraphrase. */
  title: string;
  short: string;
  answer: string;
}

// Three fields, not five: every field multiplies the work per query term (measured).
const FIELDS = ['title', 'short', 'answer'] as const;
const TITLE_FIELDS = new Set(['title']);
const ANSWER = FIELDS.indexOf('answer');
/** Answer words in more than this share of entries are not indexed in answers (measured with npm run eval). */
const COMMON_ANSWER_SHARE = 0.5;
/** Query terms in more than this share of entries are checked by bitmap instead of scored (see `common`). */
const COMMON_QUERY_SHARE = 0.2;
const RERANK_DEPTH = 300;
/** In a large base, a term in more entries than this is common whatever its share. */
const COMMON_QUERY_MAX_ENTRIES = 250;
/** Below this many entries every term is cheap enough to score. */
const MIN_DOCS_FOR_COMMON = 50;
// Answers are long and mention everything; a match in the title says much more.
const BOOST = { title: 4, short: 1.2, answer: 0.6 };
/** A synonym counts less than a word the user typed, so it helps recall without outvoting them. */
const EXPANSION_WEIGHT = 0.35;
const TYPO_WEIGHT = 0.8;
const PREFIX_WEIGHT = 0.5;
const UNKNOWN_BIGRAM_SHARE = 0.25;
const HAN_INFO_SCALE = 0.5;

const isLatin = (term: string) => /^[a-z0-9]+$/.test(term);

/**
 * MiniSearch keeps terms in a radix tree whose nodes scan their children linearly. Chinese
 * bigrams start with thousands of distinct characters, so the root had ~2,500 children and
 * indexing took seconds. Spelling Han terms in hex under one marker keeps every node narrow
 * (measured: index build 2.9 s → well under a second). Only exact lookups happen on them.
 */
const fromKey = (key: string): string =>
  key.startsWith('~') ? key.slice(1).split('.').map((h) => String.fromCodePoint(parseInt(h, 16))).join('') : key;
const indexKey = (term: string): string => (isLatin(term) ? term : `~${[...term].map((c) => c.codePointAt(0)!.toString(16)).join('.')}`);

const fieldText = (doc: Doc, f: (typeof FIELDS)[number]) => doc[f];

interface SynonymRule {
  latinPhrase?: string[];
  hanPhrase?: string;
  expansion: string[];
}

function buildSynonymRules(): SynonymRule[] {
  const rules: SynonymRule[] = [];
  for (const group of SYNONYM_GROUPS) {
    for (const phrase of group) {
      const expansion = [...new Set(group.filter((p) => p !== phrase).flatMap(tokenize))];
      const norm = normalize(phrase).toLowerCase();
      if (hasHan(norm)) rules.push({ hanPhrase: norm, expansion });
      else rules.push({ latinPhrase: tokenize(norm), expansion });
    }
  }
  return rules;
}

/** A common term's per-entry scores, sparse: entry positions in ascending order. */
interface CommonTerm {
  at: Int32Array;
  score: Float32Array;
  title: Uint8Array;
}

function lookup(c: CommonTerm, position: number): { score: number; title: boolean } | undefined {
  let lo = 0;
  let hi = c.at.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = c.at[mid]!;
    if (v === position) return { score: c.score[mid]!, title: c.title[mid] === 1 };
    if (v < position) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** MiniSearch's BM25+ with its default parameters (k 1.2, b 0.7, d 0.5). */
function bm25(tf: number, matching: number, total: number, length: number, avgLength: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / avgLength)));
}

export interface IndexSnapshot {
  minisearch: unknown;
  docFreq: [string, number][];
  common: [string, string, string, string][];
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
  private typos?: TypoDictionary;
  /** Every term → number of entries using it, for weighting how informative a query word is. */
  private readonly docFreq: Map<string, number> = new Map();
  /**
   * Terms in a large share of entries (`pod`, `容器`): scoring them means scanning most of the
   * index for almost no information. They are not sent to MiniSearch. Instead each keeps, by
   * entry position, the score MiniSearch would have given it (BM25 per field times the field's
   * boost, computed the same way at build time) and whether it is in the entry's title.
   */
  private readonly common = new Map<string, CommonTerm>();
  private readonly position = new Map<string, number>();

  /** Builds the index, or restores it from a snapshot taken of the same knowledge by the same code. */
  constructor(
    readonly kb: KnowledgeBase,
    snapshot?: IndexSnapshot,
  ) {
    const options = {
      fields: [...FIELDS],
      storeFields: [],
      // Documents arrive already tokenized (see below): splitting on spaces is all that is left.
      tokenize: (text: string) => (text ? text.split(' ') : []),
      processTerm: (term: string) => term,
      extractField: (doc: Doc, field: string) => (field === 'id' ? doc.id : ((doc as unknown as Record<string, string>)[field] ?? '')),
      searchOptions: { boost: BOOST, combineWith: 'OR' as const },
    };
    kb.entries.forEach((e, i) => this.position.set(e.id, i));
    if (snapshot) {
      this.ms = MiniSearch.loadJS<Doc>(snapshot.minisearch as Parameters<typeof MiniSearch.loadJS>[0], options);
      this.docFreq = new Map(snapshot.docFreq);
      for (const [t, n] of snapshot.docFreq) if (isLatin(t)) this.latinVocab.set(t, n);
      const typed = <T>(b64: string, make: (b: ArrayBuffer, off: number, len: number) => T, size: number) => {
        const bytes = Buffer.from(b64, 'base64');
        // Copy so the typed array is aligned, whatever offset the Buffer pool gave us.
        const copy = new Uint8Array(bytes);
        return make(copy.buffer, 0, copy.byteLength / size);
      };
      for (const [t, at, score, title] of snapshot.common) {
        this.common.set(t, {
          at: typed(at, (b, o, l) => new Int32Array(b, o, l), 4),
          score: typed(score, (b, o, l) => new Float32Array(b, o, l), 4),
          title: typed(title, (b, o, l) => new Uint8Array(b, o, l), 1),
        });
      }
      return;
    }
    this.ms = new MiniSearch<Doc>(options);
    // Tokenize every field once, for both the index and the term statistics.
    const tokenized = kb.entries.map(toDoc).map((doc) => ({ id: doc.id, fields: FIELDS.map((f) => tokenize(fieldText(doc, f))) }));
    const answerFreq = new Map<string, number>();
    for (const d of tokenized) {
      const seen = new Set<string>();
      d.fields.forEach((terms) => terms.forEach((t) => seen.add(t)));
      for (const t of seen) {
        this.docFreq.set(t, (this.docFreq.get(t) ?? 0) + 1);
        if (isLatin(t)) this.latinVocab.set(t, (this.latinVocab.get(t) ?? 0) + 1);
      }
      for (const t of new Set(d.fields[ANSWER]!)) answerFreq.set(t, (answerFreq.get(t) ?? 0) + 1);
    }
    // In the long answer text: how often a word recurs says little (BM25 saturates anyway), and a
    // word in most answers tells none apart while costing a full posting scan per query. Each
    // distinct word is indexed once, and the commonest are left to the title and short fields.
    const everywhere = (t: string) => (answerFreq.get(t) ?? 0) > COMMON_ANSWER_SHARE * tokenized.length;
    const docs = tokenized.map((d) => {
      const indexed: Record<string, string> = { id: d.id };
      FIELDS.forEach((f, i) => {
        const terms = i === ANSWER ? [...new Set(d.fields[i])].filter((t) => !everywhere(t)) : d.fields[i]!;
        indexed[f] = terms.map(indexKey).join(' ');
      });
      return indexed;
    });
    this.ms.addAll(docs as unknown as Doc[]);

    this.buildCommonTerms(docs.map((d) => FIELDS.map((f) => d[f]!.split(' ').filter(Boolean).map(fromKey))));
  }

  /** Precomputes the scores of common terms (see `common`), mirroring MiniSearch's BM25. */
  private buildCommonTerms(indexed: string[][][]): void {
    const n = indexed.length;
    if (n < MIN_DOCS_FOR_COMMON) return;
    const limit = Math.min(COMMON_QUERY_SHARE * n, COMMON_QUERY_MAX_ENTRIES);
    const commonTerms = new Set([...this.docFreq].filter(([, df]) => df > limit).map(([t]) => t));
    if (commonTerms.size === 0) return;
    const boosts = FIELDS.map((f) => BOOST[f]);
    // Per field: unique-term length of each entry, the average, and how many entries have each common term.
    const lengths = FIELDS.map((_, f) => indexed.map((d) => new Set(d[f]).size));
    const avg = lengths.map((ls) => ls.reduce((a, b) => a + b, 0) / n);
    const matching = FIELDS.map((_, f) => {
      const m = new Map<string, number>();
      for (const d of indexed) for (const t of new Set(d[f])) if (commonTerms.has(t)) m.set(t, (m.get(t) ?? 0) + 1);
      return m;
    });
    const rows = new Map<string, { at: number[]; score: number[]; title: number[] }>();
    indexed.forEach((d, i) => {
      const here = new Map<string, { score: number; title: number }>();
      d.forEach((terms, f) => {
        const tf = new Map<string, number>();
        for (const t of terms) if (commonTerms.has(t)) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, freq] of tf) {
          const cell = here.get(t) ?? { score: 0, title: 0 };
          cell.score += boosts[f]! * bm25(freq, matching[f]!.get(t)!, n, lengths[f]![i]!, avg[f]!);
          if (TITLE_FIELDS.has(FIELDS[f]!)) cell.title = 1;
          here.set(t, cell);
        }
      });
      for (const [t, cell] of here) {
        const row = rows.get(t) ?? rows.set(t, { at: [], score: [], title: [] }).get(t)!;
        row.at.push(i);
        row.score.push(cell.score);
        row.title.push(cell.title);
      }
    });
    for (const [t, r] of rows) this.common.set(t, { at: Int32Array.from(r.at), score: Float32Array.from(r.score), title: Uint8Array.from(r.title) });
  }

  get documentCount(): number {
    return this.ms.documentCount;
  }

  /** Everything needed to restore this index without re-tokenizing the base (see app/knowledge.ts). */
  snapshot(): IndexSnapshot {
    const b64 = (a: Int32Array | Uint8Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    return { minisearch: this.ms.toJSON(), docFreq: [...this.docFreq], common: [...this.common].map(([t, c]) => [t, b64(c.at), b64(c.score), b64(c.title)]) };
  }

  /** How much a word tells apart entries: rare words a lot, unknown words the most. */
  private idf(term: string): number {
    return Math.log(1 + this.ms.documentCount / Math.max(1, this.docFreq.get(term) ?? 0.5));
  }

  search(query: string, limit = 10, opts: { prefixLast?: boolean } = {}): SearchOutcome {
    const terms = [...new Set(tokenize(query))];
    if (terms.length === 0) return { terms, unknownLatin: [], hits: [] };

    // Keyed by index key (see indexKey); `origin` is the word as typed.
    const sent = new Map<string, Sent>();
    const send = (term: string, weight: number, origin?: string) => {
      const key = indexKey(term);
      const prev = sent.get(key);
      if (!prev || prev.weight < weight) sent.set(key, { weight, origin: origin ?? prev?.origin });
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

    // Common terms stay out of the index query (see `common`) unless nothing else is left to send.
    const commonSent = new Map<string, Sent & { term: CommonTerm }>();
    const informative = [...sent].filter(([key, x]) => {
      const term = this.common.get(fromKey(key));
      if (!term) return true;
      if (x.origin) commonSent.set(key, { ...x, term });
      return false;
    });
    if (!informative.some(([, x]) => x.origin)) {
      // Every typed word is common: scan the two rarest anyway, so there are candidates to rank.
      const rarest = [...commonSent].sort((a, b) => (this.docFreq.get(fromKey(a[0])) ?? 0) - (this.docFreq.get(fromKey(b[0])) ?? 0)).slice(0, 2);
      for (const [key, x] of rarest) {
        informative.push([key, x]);
        commonSent.delete(key);
      }
    }
    const queryKeys = informative.map(([k]) => k);

    const results = this.ms.search(queryKeys.join(' '), {
      boost: BOOST,
      boostTerm: (term: string) => sent.get(term)?.weight ?? 1,
      fuzzy: false,
      prefix: false,
      tokenize: (t: string) => t.split(' '),
      processTerm: (t: string) => t,
    });

    const totalInfo = [...info.values()].reduce((a, b) => a + b, 0);
    // MiniSearch multiplies a score by how many query terms matched; with typo, prefix and synonym
    // terms in the query that would reward matching expansions. Count the words the user typed instead.
    const origins = new Set<string>();
    // Re-ranking looks at the best few hundred: past that, nothing climbs to the top ten.
    const scored = results.slice(0, RERANK_DEPTH).map((r) => {
      origins.clear();
      for (const q of r.queryTerms) {
        const origin = sent.get(q)?.origin;
        if (origin) origins.add(origin);
      }
      const at = this.position.get(String(r.id)) ?? -1;
      let bonus = 0;
      for (const c of commonSent.values()) {
        const part = lookup(c.term, at);
        if (!part) continue;
        origins.add(c.origin!);
        bonus += c.weight * part.score;
      }
      return { r, at, score: (r.score / Math.max(1, r.queryTerms.length) + bonus) * Math.max(1, origins.size) };
    });
    scored.sort((a, b) => b.score - a.score);

    const hits: SearchHit[] = [];
    for (const { r, at, score } of scored.slice(0, limit)) {
      const entry = this.kb.byId.get(String(r.id));
      if (!entry) continue;
      // Per typed word: the best way it matched (itself beats a typo fix or a completion), anywhere and in the title.
      const any = new Map<string, number>();
      const title = new Map<string, number>();
      for (const q of r.queryTerms) {
        const s = sent.get(q);
        if (!s?.origin) continue;
        any.set(s.origin, Math.max(any.get(s.origin) ?? 0, s.weight));
        if ((r.match[q] ?? []).some((f) => TITLE_FIELDS.has(f))) title.set(s.origin, Math.max(title.get(s.origin) ?? 0, s.weight));
      }
      for (const c of commonSent.values()) {
        const o = c.origin!;
        const part = lookup(c.term, at);
        if (!part) continue;
        any.set(o, Math.max(any.get(o) ?? 0, c.weight));
        if (part.title) title.set(o, Math.max(title.get(o) ?? 0, c.weight));
      }
      const share = (m: Map<string, number>) => [...m].reduce((sum, [o, w]) => sum + w * (info.get(o) ?? 0), 0) / totalInfo;
      hits.push({ entry, score, matched: [...any.keys()], coverage: share(any), titleCoverage: share(title) });
    }
    return { terms, unknownLatin, hits };
  }

  /**
   * Typo correction against the Latin vocabulary only (fuzzy search over the whole index would
   * wade through tens of thousands of Chinese bigrams). Short words get one edit at most, and
   * three letters none: at that length a single edit turns most words into others.
   */
  private typoCandidates(term: string): string[] {
    const max = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
    if (max === 0 || /[0-9]/.test(term)) return [];
    // Built on first need, once: a few tens of milliseconds that would otherwise land on start-up.
    this.typos ??= new TypoDictionary(new Map(this.latinVocab));
    // People rarely mistype the first letter; requiring it keeps `spring` from becoming `string`.
    return this.typos.candidates(term, max).filter((w) => w[0] === term[0]);
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
    title: [e.zh.question, e.en.question, ...e.zh.aliases, ...e.en.aliases, ...e.tags, e.id.replace(/-/g, ' ')].join(' \n '),
    short: `${e.zh.short} \n ${e.en.short}`,
    answer: `${e.zh.answer} \n ${e.en.answer}`,
  };
}
