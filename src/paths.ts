import { fileURLToPath } from 'node:url';

/** The package root, whether running from src/ (vitest) or dist/ (compiled). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));
/** The interview notes the base was written from; CI checks out shared/ beside the repository. */
export const DEFAULT_SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
