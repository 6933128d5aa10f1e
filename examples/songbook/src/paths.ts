import { fileURLToPath } from 'node:url';

/** The package folder (examples/songbook), whatever the working directory. */
export const PACKAGE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** Where the database lives unless told otherwise (git-ignored). */
export const DEFAULT_DB_PATH = fileURLToPath(new URL('../data/songbook.db', import.meta.url));

/** The output of `npm run build` (`shellac build static --out build/static --app`). */
export const DEFAULT_BUILD_DIR = fileURLToPath(new URL('../build/static', import.meta.url));
