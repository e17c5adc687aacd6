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
}

interface Phrasing {
  entry: number;
  kind: 'question' | 'alias' | 'short';
  norm: number;
}

/**
 * TF-IDF cosine against every phrasing of every entry separately. One concatenated title field
 * lets an entry whose tags and aliases repeat a word (`etcd` six times in the restore entry) beat
 * the entry that is *about* that word; matching phrasing by phrasing and keeping the best one
 * rewards the entry that has a question like the user's.
 */
export class PhrasingIndex {
  private readonly phrasings: Phrasing[] = [];
  /** Term → [phrasing index, term weight] pairs. */
  private readonly postings = new Map<string, [number, number][]>();
  /** The intent of each entry's own question (English wording decides; it is the more regular). */
  readonly intents: Intent[];

  constructor(
    entries: readonly Entry[],
    private readonly vocab: Vocabulary,
  ) {
    this.intents = entries.map((e) => detectIntent(e.en.question));
    entries.forEach((e, i) => {
      this.add(i, 'question', e.zh.question);
      this.add(i, 'question', e.en.question);
      for (const a of [...e.zh.aliases, ...e.en.aliases]) this.add(i, 'alias', a);
      this.add(i, 'short', [e.zh.short, ...e.zh.keyPoints].join(' '));
      this.add(i, 'short', [e.en.short, ...e.en.keyPoints].join(' '));
    });
  }

  private add(entry: number, kind: Phrasing['kind'], text: string): void {
    const terms = new Set(tokenize(text));
    if (terms.size === 0) return;
    const at = this.phrasings.length;
    let sum = 0;
    for (const t of terms) {
      const w = this.vocab.idf(t);
      sum += w * w;
      const list = this.postings.get(t);
      if (list) list.push([at, w]);
      else this.postings.set(t, [[at, w]]);
    }
    this.phrasings.push({ entry, kind, norm: Math.sqrt(sum) });
  }

  /** Entry position → its phrasing match, for every entry sharing a term with the query. */
  search(q: AnalyzedQuery): Map<number, PhrasingMatch> {
    const dot = new Map<number, number>();
    // The query's length is that of the words typed; typo fixes and synonyms only add matches.
    const qnorm = Math.sqrt([...q.info.values()].reduce((a, w) => a + w * w, 0)) || 1;
    for (const [term, s] of q.sent) {
      const list = this.postings.get(term);
      if (!list) continue;
      // Each typed word weighs what it tells apart (generic words barely count); an expansion, a share of its own IDF.
      const w = s.weight * (s.origin ? (q.info.get(s.origin) ?? 0) : 0.5 * this.vocab.idf(term));
      for (const [p, pw] of list) dot.set(p, (dot.get(p) ?? 0) + w * pw);
    }
    const out = new Map<number, PhrasingMatch>();
    for (const [p, d] of dot) {
      const ph = this.phrasings[p]!;
      const cos = Math.min(1, d / (qnorm * ph.norm));
      const m = out.get(ph.entry) ?? { best: 0, question: 0, short: 0 };
      if (ph.kind === 'short') m.short = Math.max(m.short, cos);
      else {
        m.best = Math.max(m.best, cos);
        if (ph.kind === 'question') m.question = Math.max(m.question, cos);
      }
      out.set(ph.entry, m);
    }
    return out;
  }
}
