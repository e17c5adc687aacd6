import SearchableMap from 'minisearch/SearchableMap';
import { TypoDictionary } from './typos.js';

export const isLatin = (term: string) => /^[a-z0-9]+$/.test(term);

/**
 * What the base's words are and how rare: the document frequency behind every IDF weight, and the
 * Latin dictionary for typo correction and completion of a word still being typed.
 */
export class Vocabulary {
  readonly latin = new SearchableMap<number>();
  private typos?: TypoDictionary;

  constructor(
    /** Term → number of entries using it anywhere. */
    readonly docFreq: ReadonlyMap<string, number>,
    readonly entryCount: number,
  ) {
    for (const [t, n] of docFreq) if (isLatin(t)) this.latin.set(t, n);
  }

  static fromTermSets(sets: Iterable<Set<string>>): Vocabulary {
    const df = new Map<string, number>();
    let n = 0;
    for (const set of sets) {
      n++;
      for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
    }
    return new Vocabulary(df, n);
  }

  has(term: string): boolean {
    return this.docFreq.has(term);
  }

  /** How much a word tells entries apart: rare words a lot, unknown words the most. */
  idf(term: string): number {
    return Math.log(1 + this.entryCount / Math.max(0.5, this.docFreq.get(term) ?? 0.5));
  }

  /**
   * Typo correction against the Latin vocabulary only (fuzzy search over the whole index would
   * wade through tens of thousands of Chinese bigrams). Short words get one edit at most, and
   * three letters none: at that length a single edit turns most words into others.
   */
  typoCandidates(term: string): string[] {
    const max = term.length >= 7 ? 2 : term.length >= 4 ? 1 : 0;
    if (max === 0 || /[0-9]/.test(term)) return [];
    // Built on first need: a few tens of milliseconds that would otherwise land on start-up.
    this.typos ??= new TypoDictionary(new Map([...this.docFreq].filter(([t]) => isLatin(t))));
    // People rarely mistype the first letter; requiring it keeps `spring` from becoming `string`.
    return this.typos.candidates(term, max).filter((w) => w[0] === term[0]);
  }

  /** Completions of a word, most common first. */
  completions(prefix: string, limit = 4): string[] {
    const out: [string, number][] = [];
    for (const [k, n] of this.latin.atPrefix(prefix)) if (k !== prefix) out.push([k, n]);
    return out
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([k]) => k);
  }
}
