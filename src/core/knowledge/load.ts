import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { formatProblem, validateTopicFile, type KnowledgeProblem } from './validate.js';
import type { Entry, KnowledgeBase, Topic } from './types.js';

/** Not a topic: the list of seed sections that coverage is checked against. */
export const SEED_SECTIONS_FILE = 'seed-sections.yaml';

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n` + problems.map((p) => `  - ${formatProblem(p)}`).join('\n'));
    this.name = 'KnowledgeError';
  }
}

export interface KnowledgeFile {
  /** Path relative to the knowledge directory's parent, as shown in messages. */
  name: string;
  text: string;
}

export function readKnowledgeDir(dir: string): KnowledgeFile[] {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== SEED_SECTIONS_FILE)
    .sort();
  return files.map((f) => ({ name: `knowledge/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** Parses and validates every file; returns the base plus every problem found (empty when valid). */
export function buildKnowledge(files: KnowledgeFile[]): { kb: KnowledgeBase; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const topics: Topic[] = [];
  const entries: Entry[] = [];
  if (files.length === 0) problems.push({ file: 'knowledge/', message: 'no topic files (*.yaml) found' });

  for (const file of files) {
    let data: unknown;
    try {
      data = parseYaml(file.text, { prettyErrors: true, uniqueKeys: true });
    } catch (err) {
      const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}, column ${err.linePos[0].col}` : '';
      const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
      problems.push({ file: file.name, message: `is not valid YAML${where}: ${message}` });
      continue;
    }
    const result = validateTopicFile(file.name, data);
    problems.push(...result.problems);
    if (result.topic) topics.push(result.topic);
    entries.push(...result.entries);
  }

  const byId = new Map<string, Entry>();
  for (const e of entries) {
    const prev = byId.get(e.id);
    if (prev) problems.push({ file: e.file, entry: e.id, message: `id is already used in ${prev.file}` });
    else byId.set(e.id, e);
  }
  for (const e of entries) {
    for (const r of e.related) if (!byId.has(r)) problems.push({ file: e.file, entry: e.id, message: `related id "${r}" does not exist` });
  }
  return { kb: { topics, entries: [...byId.values()], byId }, problems };
}

/** Loads the knowledge directory, or throws one error listing every problem by file and entry. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const { kb, problems } = buildKnowledge(readKnowledgeDir(dir));
  if (problems.length > 0) throw new KnowledgeError(problems);
  return kb;
}
