// Where the harness reads and writes. Everything is resolved from this file, so the harness
// works from any current directory.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const BENCH = dirname(dirname(fileURLToPath(import.meta.url)));
export const ROOT = dirname(BENCH);
export const ROWS = join(BENCH, 'rows');
export const FIXTURES = join(BENCH, 'fixtures');
export const RESULTS = join(BENCH, 'results');
/** Git-ignored. `cache/` (generated sites, reused across runs) and one scratch dir per run. */
export const TMP = join(RESULTS, 'tmp');
export const CACHE = join(TMP, 'cache');
