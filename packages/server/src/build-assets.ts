import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILES } from '@shellac/protocol';
import { ShellacServerError } from './errors.js';

/** What `shellac build --app` recorded in `shellac-assets.json`, checked and indexed. */
export interface BuildAssets {
  /** Where the static folder is served: a path (`/static/`) or a CDN URL, always ending in `/`. */
  readonly base: string;
  /** Source name (`css/app.css`) → hashed name (`css/app.3f9a1c2b.css`). */
  readonly files: ReadonlyMap<string, string>;
  /** Every hashed name, so the server can mark exactly those immutable (no guessing from names). */
  readonly hashed: ReadonlySet<string>;
}

/**
 * Reads and checks `<buildDir>/shellac-assets.json`. Synchronous on purpose: `asset()` is called
 * from templates, which are synchronous in most engines, and this runs once per server.
 */
export function readBuildAssets(buildDir: string): BuildAssets {
  const file = join(buildDir, FILES.assets);
  const fail = (problem: string): never => {
    throw new ShellacServerError(
      'no-build',
      `No Shellac app build at ${file} (${problem}). Run \`shellac build --app\` to write it, ` +
        `e.g. \`shellac build static --out ${buildDir} --app --base /static/\`.`,
      { file, problem },
    );
  };
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error));
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fail('the file is not valid JSON');
  }
  if (typeof value !== 'object' || value === null) return fail('expected a JSON object');
  const { base, files } = value as Record<string, unknown>; // narrowed: each field checked below
  if (typeof base !== 'string' || base === '') return fail('"base" should be a non-empty string such as "/static/"');
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return fail('"files" should be an object of name → hashed name');
  const map = new Map<string, string>();
  for (const [name, hashed] of Object.entries(files)) {
    if (typeof hashed !== 'string' || hashed === '') return fail(`"files"["${name}"] should be a non-empty string`);
    map.set(name, hashed);
  }
  return { base: base.endsWith('/') ? base : `${base}/`, files: map, hashed: new Set(map.values()) };
}
