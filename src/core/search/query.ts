import { SYNONYM_GROUPS } from './synonyms.js';
import { hasHan, normalize, tokenize } from './tokenize.js';
import { detectIntent, type Intent } from './intent.js';
import { isLatin, type Vocabulary } from './vocabulary.js';

/** A term sent to the indexes, and the typed word it stands for (none for a synonym expansion). */
export interface SentTerm {
  weight: number;
  origin?: string;
}

export interface AnalyzedQuery {
  text: string;
  /** Distinct typed words after stop words (abbreviations folded). */
  terms: string[];
  /** Terms to look up: the typed words, their typo fixes and completions, synonym expansions. */
  sent: Map<string, SentTerm>;
  /** How informative each typed word is (IDF, scaled down for generic and Han-seam terms). */
  info: Map<string, number>;
  totalInfo: number;
  /** Latin words the base does not contain, even allowing for typos. */
  unknownLatin: string[];
  /** Typed words so generic they must never decide a match on their own. */
  generic: Set<string>;
  intent: Intent;
}

/** A synonym counts less than a word the user typed, so it helps recall without outvoting them. */
const EXPANSION_WEIGHT = 0.35;
const TYPO_WEIGHT = 0.8;
const PREFIX_WEIGHT = 0.5;
/** Overlapping bigrams of one Chinese word are not independent evidence: `生命周期` is one idea, not three. */
const HAN_INFO_SCALE = 0.5;
/** A bigram no entry contains is usually a seam between two words (`针失` in `探针失败`), not a missing concept. */
const UNKNOWN_BIGRAM_SHARE = 0.25;
/**
 * Words nearly every question in this domain contains. They stay in the query (they separate a
 * Kubernetes question from a React one) but weigh so little that they never decide the match.
 */
export const GENERIC_TERMS = new Set(['kubernetes', 'docker', 'container', 'cluster', '容器', '集群', '部署']);
const GENERIC_SCALE = 0.2;

interface SynonymRule {
  latinPhrase?: string[];
  hanPhrase?: string;
  expansion: string[];
}

let rules: SynonymRule[] | undefined;
function synonymRules(): SynonymRule[] {
  if (rules) return rules;
  rules = [];
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

/** Synonym expansion: Chinese phrases match as substrings, Latin ones as whole-word sequences. */
function expand(text: string, terms: string[]): string[] {
  const lower = text.toLowerCase();
  const out = new Set<string>();
  for (const rule of synonymRules()) {
    const hit = rule.hanPhrase ? lower.includes(rule.hanPhrase) : containsSequence(terms, rule.latinPhrase ?? []);
    if (hit) for (const t of rule.expansion) out.add(t);
  }
  return [...out];
}

function containsSequence(terms: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  if (phrase.length === 1) return terms.includes(phrase[0]!);
  for (let i = 0; i + phrase.length <= terms.length; i++) if (phrase.every((p, j) => terms[i + j] === p)) return true;
  return false;
}

export function analyzeQuery(raw: string, vocab: Vocabulary, opts: { prefixLast?: boolean } = {}): AnalyzedQuery {
  const text = normalize(raw);
  const terms = [...new Set(tokenize(text))];
  const sent = new Map<string, SentTerm>();
  const send = (term: string, weight: number, origin?: string) => {
    const prev = sent.get(term);
    if (!prev || prev.weight < weight) sent.set(term, { weight, origin: origin ?? prev?.origin });
  };
  const unknownLatin: string[] = [];
  const info = new Map<string, number>();
  const generic = new Set<string>();
  terms.forEach((t, i) => {
    const scale = GENERIC_TERMS.has(t) ? GENERIC_SCALE : 1;
    if (scale < 1) generic.add(t);
    if (!isLatin(t)) {
      send(t, 1, t);
      info.set(t, scale * HAN_INFO_SCALE * (vocab.has(t) ? vocab.idf(t) : UNKNOWN_BIGRAM_SHARE * vocab.idf('\u0000')));
      return;
    }
    const known = vocab.has(t);
    const completing = opts.prefixLast === true && i === terms.length - 1 && t.length >= 2;
    if (known) send(t, 1, t);
    else for (const c of vocab.typoCandidates(t)) send(c, TYPO_WEIGHT, t);
    // Completions help a word still being typed, or a truncated one; a known word needs none.
    if (completing || (!known && t.length >= 4)) for (const c of vocab.completions(t)) send(c, PREFIX_WEIGHT, t);
    const reached = [...sent.values()].some((x) => x.origin === t);
    // Numbers and sizes (`1.5g`, `40gb`, `v1`) are details, not the subject of a question.
    const detail = /[0-9]/.test(t);
    if (!reached && !detail) unknownLatin.push(t);
    info.set(t, scale * (detail ? 0.2 * vocab.idf(t) : known ? vocab.idf(t) : vocab.idf('\u0000')));
  });
  for (const t of expand(text, terms)) if (!sent.has(t)) send(t, EXPANSION_WEIGHT);
  const totalInfo = [...info.values()].reduce((a, b) => a + b, 0);
  return { text, terms, sent, info, totalInfo, unknownLatin, generic, intent: detectIntent(text) };
}
