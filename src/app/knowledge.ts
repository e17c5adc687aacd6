import { loadKnowledge } from '../core/knowledge/load.js';
import type { KnowledgeBase } from '../core/knowledge/types.js';
import { KnowledgeIndex } from '../core/search/index.js';

export interface LoadedKnowledge {
  kb: KnowledgeBase;
  index: KnowledgeIndex;
}

export function loadKnowledgeIndex(dir: string): LoadedKnowledge {
  const kb = loadKnowledge(dir);
  return { kb, index: new KnowledgeIndex(kb) };
}
