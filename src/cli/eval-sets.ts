import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { normalize } from '../core/search/tokenize.js';
import { PACKAGE_ROOT } from '../paths.js';

/** One labelled question. `expect` lists every entry that answers it; empty means it must be declined. */
export interface EvalQuestion {
  q: string;
  expect: string[];
  lang: 'zh' | 'en';
  style: string;
  source: string;
}

export const SET_NAMES = ['train', 'validation', 'regression'] as const;
export type SetName = (typeof SET_NAMES)[number];

export const DEV_DIR = join(PACKAGE_ROOT, 'test/eval/dev');
const REGRESSION_DIRS = [join(PACKAGE_ROOT, 'test/eval/queries'), join(PACKAGE_ROOT, 'test/eval/heldout')];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const langOf = (q: string): 'zh' | 'en' => (/\p{Script=Han}/u.test(q) ? 'zh' : 'en');

/**
 * Which development sources are for tuning and which are held back. Whole sources (one writer, one
 * public collection) go to one side, so validation measures phrasings nothing was tuned on.
 */
export function readSplits(): Record<'train' | 'validation', string[]> {
  const data = parseYaml(readFileSync(join(DEV_DIR, 'splits.yaml'), 'utf8')) as Obj;
  const list = (k: string) => (Array.isArray(data[k]) ? (data[k] as unknown[]).map(String) : []);
  return { train: list('train'), validation: list('validation') };
}

export function loadSet(set: SetName): { questions: EvalQuestion[]; problems: string[] } {
  return set === 'regression' ? loadRegression() : loadDev(readSplits()[set]);
}

function loadDev(sources: string[]): { questions: EvalQuestion[]; problems: string[] } {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  for (const id of sources) {
    const file = join(DEV_DIR, `${id}.yaml`);
    if (!existsSync(file)) {
      problems.push(`splits.yaml names ${id}, but ${id}.yaml does not exist`);
      continue;
    }
    const data = parseYaml(readFileSync(file, 'utf8')) as Obj;
    const items = isObj(data) && Array.isArray(data.questions) ? data.questions : [];
    items.forEach((raw: unknown, i) => {
      if (!isObj(raw) || typeof raw.q !== 'string' || !raw.q.trim()) return problems.push(`${id}[${i}]: q is missing`);
      if (!Array.isArray(raw.expect)) return problems.push(`${id}[${i}] "${raw.q}": not labelled (expect: [ids] or [])`);
      questions.push({ q: raw.q, expect: raw.expect.map(String), lang: langOf(raw.q), style: String(raw.style ?? 'other'), source: id });
    });
  }
  return { questions, problems };
}

/** The earlier sets (tuned query set and the first held-out set), kept so old wins don't silently regress. */
function loadRegression(): { questions: EvalQuestion[]; problems: string[] } {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  for (const dir of REGRESSION_DIRS) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
      const data = parseYaml(readFileSync(join(dir, f), 'utf8')) as unknown;
      if (!Array.isArray(data)) continue;
      for (const item of data as Obj[]) {
        const q = String(item.q ?? '');
        const expect = item.expect === null || item.expect === undefined ? [] : [String(item.expect)];
        const kind = String(item.kind ?? 'other');
        questions.push({ q, expect, lang: langOf(q), style: kind === 'offtopic' ? 'offtopic' : kind, source: dir.endsWith('heldout') ? 'heldout' : 'queries' });
      }
    }
  }
  return { questions, problems };
}

/**
 * Labels must name real entries, and no entry's alias may copy or nearly copy an evaluation
 * question (of any entry): an alias written from an eval question measures nothing.
 */
export function checkAgainstKnowledge(kb: KnowledgeBase, questions: EvalQuestion[], opts = { near: true }): string[] {
  const problems: string[] = [];
  for (const q of questions) for (const id of q.expect) if (!kb.byId.has(id)) problems.push(`${q.source} "${q.q}": expects unknown entry ${id}`);
  // Aliases only: an entry's own question predates the sets, and an independent writer may well ask it the same way.
  const phrasings = kb.entries.flatMap((e) => [...e.zh.aliases, ...e.en.aliases].map((text) => ({ id: e.id, text })));
  for (const { q, phrasing, similarity } of nearCopies(questions.map((x) => x.q), phrasings.map((p) => p.text))) {
    if (similarity < 1 && !opts.near) continue;
    const p = phrasings[phrasing]!;
    const src = questions[q]!;
    problems.push(`${src.source} "${src.q}": ${similarity === 1 ? 'copies' : 'nearly copies'} an alias of ${p.id} ("${p.text}")`);
  }
  return problems;
}

/** Character trigrams of the folded text: the same measure for Chinese and English. */
function trigrams(text: string): Set<string> {
  const k = key(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= k.length; i++) out.add(k.slice(i, i + 3));
  if (out.size === 0 && k) out.add(k);
  return out;
}

/** Near copy: Dice similarity of character trigrams at least this high (a changed word or two). */
export const NEAR_COPY = 0.8;

/** Pairs (question, phrasing) whose folded texts are equal or nearly so. */
export function nearCopies(questions: string[], phrasings: string[]): { q: number; phrasing: number; similarity: number }[] {
  const grams = phrasings.map(trigrams);
  const postings = new Map<string, number[]>();
  grams.forEach((g, i) => g.forEach((t) => (postings.get(t) ?? postings.set(t, []).get(t)!).push(i)));
  const out: { q: number; phrasing: number; similarity: number }[] = [];
  questions.forEach((text, qi) => {
    const g = trigrams(text);
    const shared = new Map<number, number>();
    for (const t of g) for (const p of postings.get(t) ?? []) shared.set(p, (shared.get(p) ?? 0) + 1);
    for (const [p, n] of shared) {
      const similarity = (2 * n) / (g.size + grams[p]!.size);
      if (similarity >= NEAR_COPY) out.push({ q: qi, phrasing: p, similarity: key(text) === key(phrasings[p]!) ? 1 : similarity });
    }
  });
  return out;
}

/** Case, spacing and punctuation folded: what "nearly a copy" means for aliases and eval questions. */
export function key(text: string): string {
  return normalize(text).toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
