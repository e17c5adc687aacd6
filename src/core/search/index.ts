import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { candidateFeatures, type Candidate, type FeatureVector } from './features.js';
import { FieldIndex, type FieldSnapshot } from './fields.js';
import { PhrasingIndex } from './phrasings.js';
import { analyzeQuery, type AnalyzedQuery } from './query.js';
import { rankScore } from './rank.js';
import { Vocabulary } from './vocabulary.js';

export interface SearchHit {
  entry: Entry;
  /** The ranker's score (a logit: higher is better; comparable only within one query). */
  score: number;
  /** Share of the question's information (IDF-weighted words) the entry matched, 0..1. */
  coverage: number;
  features: FeatureVector;
  /** Typed words the entry contains anywhere, and in its question, phrasings or tags. */
  matchedAny: ReadonlySet<string>;
  matchedTitle: ReadonlySet<string>;
}

export interface SearchOutcome {
  query: AnalyzedQuery;
  /** Distinct query words after stop words, synonyms excluded. */
  terms: string[];
  /** Latin query words the base does not contain, even allowing for typos. */
  unknownLatin: string[];
  hits: SearchHit[];
}

export interface IndexSnapshot {
  fields: FieldSnapshot;
  docFreq: [string, number][];
}

/** How many candidates each first-phase index passes to the ranker. */
const CANDIDATES = 40;

/**
 * The search pipeline: analyze the query (query.ts) → candidates from two first-phase indexes
 * (BM25 over fields, fields.ts; best-phrasing cosine, phrasings.ts) → features (features.ts) →
 * learned rank (rank.ts). The answer/decline decision (decide.ts) is the caller's next step.
 */
export class KnowledgeIndex {
  readonly vocab: Vocabulary;
  private readonly fields: FieldIndex;
  private readonly phrasings: PhrasingIndex;
  private readonly position = new Map<string, number>();

  /** Builds the index, or restores it from a snapshot taken of the same knowledge by the same code. */
  constructor(
    readonly kb: KnowledgeBase,
    snapshot?: IndexSnapshot,
  ) {
    kb.entries.forEach((e, i) => this.position.set(e.id, i));
    if (snapshot) {
      this.vocab = new Vocabulary(new Map(snapshot.docFreq), kb.entries.length);
      this.fields = new FieldIndex(kb.entries, [], this.vocab.docFreq, snapshot.fields);
    } else {
      const tokenized = kb.entries.map(FieldIndex.tokenizeEntry);
      this.vocab = Vocabulary.fromTermSets(tokenized.map((fields) => new Set(fields.flat())));
      this.fields = new FieldIndex(kb.entries, tokenized, this.vocab.docFreq);
    }
    this.phrasings = new PhrasingIndex(kb.entries, this.vocab);
  }

  get documentCount(): number {
    return this.kb.entries.length;
  }

  /** Everything needed to restore this index without re-tokenizing the base (see app/knowledge.ts). */
  snapshot(): IndexSnapshot {
    return { fields: this.fields.snapshot(), docFreq: [...this.vocab.docFreq] };
  }

  search(text: string, limit = 10, opts: { prefixLast?: boolean } = {}): SearchOutcome {
    const query = analyzeQuery(text, this.vocab, opts);
    if (query.terms.length === 0) return { query, terms: [], unknownLatin: [], hits: [] };
    const byField = this.fields.search(query, CANDIDATES);
    const byPhrasing = this.phrasings.search(query, this.vocab);
    const topPhrasing = [...byPhrasing].sort((a, b) => b[1].best - a[1].best).slice(0, CANDIDATES);

    const cands = new Map<number, Candidate>();
    const candidate = (position: number): Candidate => {
      let c = cands.get(position);
      if (!c) {
        c = { position, entry: this.kb.entries[position]!, intent: this.phrasings.intents[position]! };
        cands.set(position, c);
      }
      return c;
    };
    for (const [id, bm25] of byField) candidate(this.position.get(id)!).bm25 = bm25;
    for (const [position] of topPhrasing) candidate(position);
    for (const c of cands.values()) {
      c.field = { ...this.fields.match(query, c.position), bm25: c.bm25 ?? 0 };
      c.phrasing = byPhrasing.get(c.position);
    }

    const list = [...cands.values()];
    const feats = candidateFeatures(query, list);
    const hits = list.map((c, i) => {
      const f = feats[i]!;
      const matchedAny = new Set(c.field?.any.keys());
      const matchedTitle = new Set(c.field?.title.keys());
      return { entry: c.entry, score: rankScore(f), coverage: f.cover, features: f, matchedAny, matchedTitle };
    });
    hits.sort((a, b) => b.score - a.score);
    return { query, terms: query.terms, unknownLatin: query.unknownLatin, hits: hits.slice(0, limit) };
  }
}
