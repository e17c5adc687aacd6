import type { Entry } from '../knowledge/types.js';
import type { AnalyzedQuery } from './query.js';
import { detectIntent, type Intent } from './intent.js';
import { tokenize } from './tokenize.js';
import type { Vocabulary } from './vocabulary.js';

/** How well the query matches one entry's phrasings, each phrasing on its own. */
export interface PhrasingMatch {
  /** Best cosine over the entry's question and alternative phrasings, both languages. */
  best: number;
  /** Cosine with the entry's own question (either language). */
  question: number;
  /** Cosine with the short answer and key points. */
  short: number;
  /** Best share of the query's information found in one phrasing. */
  queryCover: number;
  /** Best share of one phrasing's weight that the query matches (a long phrasing half-matched scores low). */
  phrasingCover: number;
}

const QUESTION = 0;
const ALIAS = 1;
const SHORT = 2;

/** A term's postings: phrasing positions and the term's weight in each, as flat typed arrays. */
interface Postings {
  at: Int32Array;
  weight: Float32Array;
}

/**
 * TF-IDF cosine against every phrasing of every entry separately. One concatenated title field
 * lets an entry whose tags and aliases repeat a word (`etcd` six times in the restore entry) beat
 * the entry that is *about* that word; matching phrasing by phrasing and keeping the best one
 * rewards the entry that has a question like the user's.
 */
export class PhrasingIndex {
  private readonly entryOf: Int32Array;
  private readonly kindOf: Uint8Array;
  private readonly norm: Float32Array;
  private readonly postings = new Map<string, Postings>();
  /** The intent of each entry's own question (English wording decides; it is the more regular). */
  readonly intents: Intent[];
  // Scratch accumulators, reused by every query: a search allocates no per-phrasing objects.
  private readonly dot: Float64Array;
  private readonly qInfo: Float64Array;
  private readonly pMatched: Float64Array;

  constructor(entries: readonly Entry[], vocab: Vocabulary) {
    this.intents = entries.map((e) => detectIntent(e.en.question));
    const entryOf: number[] = [];
    const kindOf: number[] = [];
    const norm: number[] = [];
    const lists = new Map<string, { at: number[]; weight: number[] }>();
    const add = (entry: number, kind: number, text: string) => {
      const terms = new Set(tokenize(text));
      if (terms.size === 0) return;
      const at = entryOf.length;
      let sum = 0;
      for (const t of terms) {
        const w = vocab.idf(t);
        sum += w * w;
        const list = lists.get(t) ?? lists.set(t, { at: [], weight: [] }).get(t)!;
        list.at.push(at);
        list.weight.push(w);
      }
      entryOf.push(entry);
      kindOf.push(kind);
      norm.push(Math.sqrt(sum));
    };
    entries.forEach((e, i) => {
      add(i, QUESTION, e.zh.question);
      add(i, QUESTION, e.en.question);
      for (const a of [...e.zh.aliases, ...e.en.aliases]) add(i, ALIAS, a);
      add(i, SHORT, [e.zh.short, ...e.zh.keyPoints].join(' '));
      add(i, SHORT, [e.en.short, ...e.en.keyPoints].join(' '));
    });
    for (const [t, l] of lists) this.postings.set(t, { at: Int32Array.from(l.at), weight: Float32Array.from(l.weight) });
    this.entryOf = Int32Array.from(entryOf);
    this.kindOf = Uint8Array.from(kindOf);
    this.norm = Float32Array.from(norm);
    this.dot = new Float64Array(entryOf.length);
    this.qInfo = new Float64Array(entryOf.length);
    this.pMatched = new Float64Array(entryOf.length);
  }

  /** Entry position → its phrasing match, for every entry sharing a term with the query. */
  search(q: AnalyzedQuery, vocab: Vocabulary): Map<number, PhrasingMatch> {
    const { dot, qInfo, pMatched } = this;
    const touched: number[] = [];
    // The query's length is that of the words typed; typo fixes and synonyms only add matches.
    const qnorm = Math.sqrt([...q.info.values()].reduce((a, w) => a + w * w, 0)) || 1;
    for (const [term, s] of q.sent) {
      const list = this.postings.get(term);
      if (!list) continue;
      // Each typed word weighs what it tells apart (generic words barely count); an expansion, a share of its own IDF.
      const w = s.weight * (s.origin ? (q.info.get(s.origin) ?? 0) : 0.5 * vocab.idf(term));
      const info = s.origin ? s.weight * (q.info.get(s.origin) ?? 0) : 0;
      const { at, weight } = list;
      for (let k = 0; k < at.length; k++) {
        const p = at[k]!;
        const pw = weight[k]!;
        if (pMatched[p] === 0) touched.push(p);
        dot[p]! += w * pw;
        qInfo[p]! += info;
        pMatched[p]! += pw * pw;
      }
    }
    const out = new Map<number, PhrasingMatch>();
    const total = q.totalInfo || 1;
    for (const p of touched) {
      const entry = this.entryOf[p]!;
      const cos = Math.min(1, dot[p]! / (qnorm * this.norm[p]!));
      let m = out.get(entry);
      if (!m) out.set(entry, (m = { best: 0, question: 0, short: 0, queryCover: 0, phrasingCover: 0 }));
      if (this.kindOf[p] === SHORT) m.short = Math.max(m.short, cos);
      else {
        m.best = Math.max(m.best, cos);
        if (this.kindOf[p] === QUESTION) m.question = Math.max(m.question, cos);
        m.queryCover = Math.max(m.queryCover, Math.min(1, qInfo[p]! / total));
        m.phrasingCover = Math.max(m.phrasingCover, Math.sqrt(pMatched[p]!) / this.norm[p]!);
      }
      dot[p] = 0;
      qInfo[p] = 0;
      pMatched[p] = 0;
    }
    return out;
  }
}
