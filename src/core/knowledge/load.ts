import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
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
      // js-yaml: several times faster than `yaml` on this base (cold start matters), and it rejects duplicate keys.
      data = parseYaml(file.text, { filename: file.name });
    } catch (err) {
      const where = err instanceof YAMLException ? ` at line ${err.mark.line + 1}, column ${err.mark.column + 1}` : '';
      const message = err instanceof YAMLException ? err.reason : err instanceof Error ? err.message.split('\n')[0] : String(err);
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
