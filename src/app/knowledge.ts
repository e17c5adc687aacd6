import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledge, KnowledgeError, readKnowledgeDir } from '../core/knowledge/load.js';
import type { Entry, KnowledgeBase, Topic } from '../core/knowledge/types.js';
import { KnowledgeIndex, type IndexSnapshot } from '../core/search/index.js';
import { PACKAGE_ROOT } from '../paths.js';

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
  /** Whether the validated base and its index came from the cache. */
  cached: boolean;
}

/** Where validated knowledge and its index are kept between runs (a conventional build-cache place). */
export const DEFAULT_CACHE_DIR = join(PACKAGE_ROOT, 'node_modules', '.cache', 'k8s-interview-bot');

const KEEP_CACHES = 4;

interface CacheFile {
  topics: Topic[];
  entries: Entry[];
  index: IndexSnapshot;
}

/**
 * Parsing the YAML and indexing ~1 MB of bilingual text takes about a second, too long for a
 * console that should answer at once. The validated base and its index are cached under a hash
 * of every knowledge file *and* of the compiled search and knowledge code, so an edit to either
 * rebuilds (and re-validates) it, and a stale index can never be used.
 */
export function loadKnowledgeIndex(dir: string, cacheDir: string | undefined = DEFAULT_CACHE_DIR): LoadedKnowledge {
  const files = readKnowledgeDir(dir);
  const key = cacheKey(files);
  const path = cacheDir && join(cacheDir, `knowledge-${key}.json`);
  if (path) {
    const restored = readCache(path);
    if (restored) return { ...restored, cached: true };
  }
  const { kb, problems } = buildKnowledge(files);
  if (problems.length > 0) throw new KnowledgeError(problems);
  const index = new KnowledgeIndex(kb);
  if (cacheDir && path) writeCache(cacheDir, path, { topics: kb.topics, entries: kb.entries, index: index.snapshot() });
  return { kb, index, cached: false };
}

function cacheKey(files: { name: string; text: string }[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.name}\u0000${f.text}\u0000`);
  for (const codeDir of ['../core/search/', '../core/knowledge/']) {
    const dirPath = fileURLToPath(new URL(codeDir, import.meta.url));
    for (const name of readdirSync(dirPath).filter((n) => /\.(js|ts)$/.test(n)).sort()) h.update(readFileSync(join(dirPath, name)));
  }
  return h.digest('hex').slice(0, 24);
}

function readCache(path: string): Omit<LoadedKnowledge, 'cached'> | undefined {
  let data: CacheFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
  } catch {
    return undefined; // missing or unreadable: build afresh
  }
  const kb: KnowledgeBase = { topics: data.topics, entries: data.entries, byId: new Map(data.entries.map((e) => [e.id, e])) };
  return { kb, index: new KnowledgeIndex(kb, data.index) };
}

function writeCache(cacheDir: string, path: string, data: CacheFile): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, path); // atomic: a concurrent reader sees the old file or the new one, never half
    // Keep the few most recent (a fixture base and the real one may alternate), drop the rest.
    const caches = readdirSync(cacheDir)
      .filter((n) => n.startsWith('knowledge-') && n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(join(cacheDir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t);
    for (const { n } of caches.slice(KEEP_CACHES)) rmSync(join(cacheDir, n), { force: true });
  } catch {
    // A read-only file system (a locked-down container) just means no cache.
  }
}
