// Locating and running Shellac's own build outputs. Rows measure peers first and then call
// `requireCli()` / `requireClient()`, which throw a clear error carrying the peer figures
// already measured (`err.partial`), so `bench/run.mjs` can still report them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.mjs';
import { runNode } from './proc.mjs';

export const CLI = join(ROOT, 'packages/cli/dist/bin.js');
export const CLIENT = join(ROOT, 'packages/client/dist/browser/shellac.js');

export const hasCli = () => existsSync(CLI);

/**
 * The `sw.js` of a `shellac build` output: its `text`, the `config` it starts the runtime with,
 * and `withConfig(c)`, the same script starting the runtime with `c` instead.
 */
export function builtWorker(out) {
  const text = readFileSync(join(out, 'sw.js'), 'utf8');
  const at = text.indexOf('shellac({') + 'shellac('.length;
  return { text, config: JSON.parse(text.slice(at, -2)), withConfig: (config) => `${text.slice(0, at)}${JSON.stringify(config)});` };
}

/**
 * The manifest of a `shellac build` output, `{ version, entries, pack, hashedFolders }`: `sw.js` carries it (the
 * manifest file holds the version alone).
 */
export function builtManifest(out) {
  const { config } = builtWorker(out);
  if (!Array.isArray(config.entries)) throw new Error(`${join(out, 'sw.js')} carries no entries`);
  const { version, entries, pack, hashedFolders } = config;
  // sw.js leaves out a pack named after the version (shellac-pack.<first 10 digits>.bin); false: none.
  const named = pack === false ? undefined : (pack ?? `shellac-pack.${version.slice(0, 10)}.bin`);
  return { version, entries, ...(named && { pack: named }), ...(hashedFolders && { hashedFolders }) };
}
export const hasClient = () => existsSync(CLIENT);

export class MissingBuildError extends Error {
  constructor(what, path, partial) {
    super(`${what} is missing: ${path} does not exist. Run \`npm run build\` first (or \`npm run bench\`, which builds).`);
    this.name = 'MissingBuildError';
    this.partial = partial;
  }
}

/** Throws `MissingBuildError` if the CLI has not been built. `partial`: figures measured so far. */
export function requireCli(partial) {
  if (!hasCli()) throw cliMissing(partial);
  return CLI;
}
export const cliMissing = (partial) => new MissingBuildError("Shellac's CLI", CLI, partial);
export function requireClient(partial) {
  if (!hasClient()) throw new MissingBuildError("Shellac's browser client", CLIENT, partial);
  return CLIENT;
}

/** `shellac build <site> --out <out>` in a child process; resolves `{ ms, stdout, stderr }`. */
export function shellacBuild(site, out, extra = []) {
  requireCli();
  return runNode([CLI, 'build', site, '--out', out, ...extra], { cwd: ROOT });
}
