import { LEVELS, type Entry, type Level, type LocalizedEntry, type LocalizedQuiz, type QuizItem, type SeedSource, type Topic } from './types.js';

/** One thing wrong with a knowledge file, located precisely enough for an editor to fix it. */
export interface KnowledgeProblem {
  file: string;
  entry?: string;
  message: string;
}

export function formatProblem(p: KnowledgeProblem): string {
  return p.entry ? `${p.file}: entry "${p.entry}": ${p.message}` : `${p.file}: ${p.message}`;
}

export const LIMITS = { question: 200, short: 300, answer: 3000, option: 200, explanation: 1000, keyPoint: 140 } as const;
export const KEY_POINTS = { min: 3, max: 6 } as const;

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const URL_RE = /^https:\/\/[^\s]+$/;
const HAN_RE = /\p{Script=Han}/u;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates one parsed topic file. Collects every problem instead of stopping at the first, so
 * an editor fixes a file in one pass.
 */
export function validateTopicFile(file: string, data: unknown): { topic?: Topic; entries: Entry[]; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const entries: Entry[] = [];
  const stem = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (!isObj(data)) return { entries, problems: [{ file, message: 'the file must be a mapping with topic, title and entries' }] };

  if (data.topic !== stem) problems.push({ file, message: `topic must be "${stem}" (the file name), found ${JSON.stringify(data.topic)}` });
  const title = data.title;
  if (!isObj(title) || !nonEmpty(title.zh) || !nonEmpty(title.en)) problems.push({ file, message: 'title needs zh and en' });
  if (!Array.isArray(data.entries) || data.entries.length === 0) {
    problems.push({ file, message: 'entries must be a non-empty list' });
    return { entries, problems };
  }
  const topic: Topic = { id: stem, file, title: { zh: isObj(title) ? String(title.zh ?? '') : '', en: isObj(title) ? String(title.en ?? '') : '' } };

  data.entries.forEach((raw, i) => {
    const label = isObj(raw) && typeof raw.id === 'string' ? raw.id : `#${i + 1}`;
    const before = problems.length;
    const entry = validateEntry(raw, stem, file, (message) => problems.push({ file, entry: label, message }));
    if (entry && problems.length === before) entries.push(entry);
  });
  return { topic, entries, problems };
}

function validateEntry(raw: unknown, topic: string, file: string, report: (m: string) => void): Entry | undefined {
  if (!isObj(raw)) {
    report('must be a mapping');
    return undefined;
  }
  const known = new Set(['id', 'level', 'tags', 'sources', 'refs', 'related', 'corrections', 'zh', 'en', 'quiz']);
  for (const key of Object.keys(raw)) if (!known.has(key)) report(`unknown field "${key}"`);

  const id = typeof raw.id === 'string' ? raw.id : '';
  if (!ID_RE.test(id)) report('id must be kebab-case (a-z, 0-9, -)');
  if (!LEVELS.includes(raw.level as Level)) report(`level must be one of ${LEVELS.join(', ')}`);
  const tags = stringList(raw.tags, 'tags', report, 1);
  const refs = stringList(raw.refs ?? [], 'refs', report, 0);
  for (const ref of refs) if (!URL_RE.test(ref)) report(`ref is not an https URL: ${ref}`);
  const related = stringList(raw.related ?? [], 'related', report, 0);
  const corrections = stringList(raw.corrections ?? [], 'corrections', report, 0);
  const sources = validateSources(raw.sources, report);
  const zh = validateLocalized(raw.zh, 'zh', report);
  const en = validateLocalized(raw.en, 'en', report);
  if (zh && !HAN_RE.test(zh.question + zh.short)) report('zh.question and zh.short must be written in Chinese');
  if (en && HAN_RE.test(en.question + en.short)) report('en.question and en.short must not contain Chinese');

  let quiz: QuizItem[] = [];
  if (!Array.isArray(raw.quiz) || raw.quiz.length === 0) report('quiz needs at least one item');
  else quiz = raw.quiz.map((q, i) => validateQuiz(q, (m) => report(`quiz[${i}]: ${m}`))).filter((q): q is QuizItem => q !== undefined);

  if (!zh || !en) return undefined;
  return { id, topic, level: raw.level as Level, tags, sources, refs, related, corrections, zh, en, quiz, file };
}

function validateLocalized(raw: unknown, lang: string, report: (m: string) => void): LocalizedEntry | undefined {
  if (!isObj(raw)) {
    report(`${lang} block is missing`);
    return undefined;
  }
  const r = (m: string) => report(`${lang}.${m}`);
  const question = text(raw.question, 'question', LIMITS.question, r);
  const aliases = stringList(raw.aliases, 'aliases', r, 2);
  for (const a of aliases) if (a.length > LIMITS.question) r(`aliases: "${a.slice(0, 40)}…" is longer than ${LIMITS.question} characters`);
  const short = text(raw.short, 'short', LIMITS.short, r);
  const answer = text(raw.answer, 'answer', LIMITS.answer, r);
  const keyPoints = stringList(raw.keyPoints, 'keyPoints', r, KEY_POINTS.min);
  if (keyPoints.length > KEY_POINTS.max) r(`keyPoints has ${keyPoints.length} items, at most ${KEY_POINTS.max}`);
  for (const k of keyPoints) if (k.length > LIMITS.keyPoint) r(`keyPoints: "${k.slice(0, 40)}…" is longer than ${LIMITS.keyPoint} characters`);
  return { question, aliases, short, keyPoints, answer };
}

function validateQuiz(raw: unknown, report: (m: string) => void): QuizItem | undefined {
  if (!isObj(raw)) {
    report('must be a mapping with answer, zh and en');
    return undefined;
  }
  const answer = raw.answer;
  if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > 3) report('answer must be an option index 0-3');
  const zh = localizedQuiz(raw.zh, 'zh', report);
  const en = localizedQuiz(raw.en, 'en', report);
  if (!zh || !en || typeof answer !== 'number') return undefined;
  return { answer, zh, en };
}

function localizedQuiz(raw: unknown, lang: string, report: (m: string) => void): LocalizedQuiz | undefined {
  if (!isObj(raw)) {
    report(`${lang} block is missing`);
    return undefined;
  }
  const r = (m: string) => report(`${lang}.${m}`);
  const question = text(raw.question, 'question', LIMITS.answer, r);
  const options = stringList(raw.options, 'options', r, 4);
  if (options.length !== 4) r(`options must have exactly 4 items, found ${options.length}`);
  if (new Set(options).size !== options.length) r('options must be different from each other');
  for (const o of options) if (o.length > LIMITS.option) r(`option longer than ${LIMITS.option} characters`);
  const explanation = text(raw.explanation, 'explanation', LIMITS.explanation, r);
  return { question, options, explanation };
}

function validateSources(raw: unknown, report: (m: string) => void): SeedSource[] {
  if (!Array.isArray(raw)) {
    report('sources must be a list ([] for entries beyond the seeds)');
    return [];
  }
  const out: SeedSource[] = [];
  raw.forEach((s, i) => {
    if (!isObj(s) || !nonEmpty(s.seed)) {
      report(`sources[${i}] needs seed (a file name) and sections`);
      return;
    }
    const sections = stringList(s.sections ?? [], `sources[${i}].sections`, report, 0);
    out.push({ seed: String(s.seed), sections });
  });
  return out;
}

function text(v: unknown, name: string, max: number, report: (m: string) => void): string {
  if (!nonEmpty(v)) {
    report(`${name} is missing or empty`);
    return '';
  }
  const s = String(v).trim();
  if (s.length > max) report(`${name} is ${s.length} characters, the limit is ${max}`);
  return s;
}

function stringList(v: unknown, name: string, report: (m: string) => void, min: number): string[] {
  if (!Array.isArray(v)) {
    report(`${name} must be a list`);
    return [];
  }
  const items = v.filter((x) => typeof x === 'string' || typeof x === 'number').map((x) => String(x).trim()).filter(Boolean);
  if (items.length !== v.length) report(`${name} must contain only non-empty strings`);
  if (items.length < min) report(`${name} needs at least ${min} item(s)`);
  return items;
}

function nonEmpty(v: unknown): boolean {
  return (typeof v === 'string' && v.trim().length > 0) || typeof v === 'number';
}
