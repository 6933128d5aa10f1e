import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AddressInfo } from 'node:net';
import { normalizeBase } from '@shellac/protocol';
import type { BuildSummary } from './build-options.js';
import { buildSite } from './build-site.js';
import { ShellacCliError } from './errors.js';
import { retireSite } from './retire-site.js';
import { serveSite } from './serve-site.js';

const HELP = `Usage:
  shellac build <siteDir> --out <outDir> [--config shellac.config.json] [--link] [--quiet]
      Copy a built site to outDir with a service worker that makes it work offline.
      --link hard-links unchanged files instead of copying them (fast; the output then shares
      those files with the site).
  shellac build <staticDir> --out <outDir> --app [--base /static/]
      App mode, for an application's static folder: adds hashed copies, shellac-assets.json
      for the server's asset(), and the app-shell scripts (see docs/server.md).
  shellac serve <dir> [--port 3000] [--host 127.0.0.1] [--base /prefix/]
      Serve a build with the headers a service worker needs.
  shellac retire <deployedDir> [--worker sw.js]
      Replace the deployed worker with one that deletes the site's Shellac caches and unregisters
      itself in every browser that still has it; nothing else in the folder changes. Deploy the
      folder, and keep that file deployed (see docs/operating.md).
  shellac --help | --version`;

/** Where output goes; tests pass their own. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  isTTY?: boolean;
}

const processIo: Io = { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`), isTTY: process.stderr.isTTY };

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

function summary(s: BuildSummary, io: Io) {
  io.out(`shellac: built ${s.outDir} in ${s.ms} ms (version ${s.version})`);
  io.out(`  files written   ${s.files} (${s.pages} pages with the registration script)`);
  io.out(`  precached       ${s.precached} entries, ${size(s.precachedBytes)}`);
  io.out(`  offline page    ${s.offlinePage ? `${s.offlinePage}${s.offlinePageGenerated ? ' (generated in the site\'s look)' : ''}` : s.appShell ? 'none (the app shell answers offline navigations)' : 'none'}`);
  const { folders, files } = s.staticRoutes;
  const routed = [folders.length && `${folders.length} folder${folders.length > 1 ? 's' : ''} (${folders.join(', ')})`, files && `${files} file${files > 1 ? 's' : ''}`].filter(Boolean);
  if (routed.length) io.out(`  static routes   ${routed.join(' and ')}, answered from the precache by the browser`);
  io.out(`  sw.js           ${s.worker.gzip} B gzip (${s.worker.bytes} B)`);
  const { runtime, app } = s.worker;
  io.out(`  runtime         ${runtime.name}, ${runtime.gzip} B gzip (${runtime.bytes} B)${app ? `, of which your worker app ${app.gzip} B` : ''}`);
  io.out(`  shellac.js      ${s.client.gzip} B gzip (${s.client.bytes} B)`);
  if (s.configFile) io.out(`  config          ${s.configFile}`);
}

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  base: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  link: { type: 'boolean' },
  app: { type: 'boolean' },
  worker: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

async function build(dir: string | undefined, values: Values, io: Io): Promise<number> {
  if (!dir) throw new ShellacCliError('usage', `build needs the site folder: shellac build <siteDir> --out <outDir>`);
  if (!values.out) throw new ShellacCliError('usage', `build needs --out <outDir>: shellac build ${dir} --out dist`);
  let last = 0;
  const result = await buildSite({
    siteDir: dir,
    outDir: values.out,
    configFile: values.config,
    link: values.link,
    app: values.app,
    base: values.base,
    onProgress: values.quiet ? undefined : ({ files, bytes, totalFiles }) => {
      if (totalFiles < 500 || (files - last < 1000 && files !== totalFiles)) return;
      last = files;
      io.err(`shellac: ${files}/${totalFiles} files, ${size(bytes)} processed`);
    },
  });
  if (!values.quiet) summary(result, io);
  // Warnings name files left out of the precache: printed even with --quiet.
  for (const w of result.warnings) io.err(`shellac: warning: ${w}`);
  return 0;
}

async function serve(dir: string | undefined, values: Values, io: Io): Promise<number> {
  if (!dir) throw new ShellacCliError('usage', `serve needs a folder: shellac serve dist --port 3000`);
  const port = values.port === undefined ? Number(process.env.PORT ?? 3000) : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ShellacCliError('usage', `--port ${values.port}: expected a port number from 0 to 65535`);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new ShellacCliError('usage', `${dir}: no such folder to serve. Build first: shellac build <siteDir> --out ${dir}`, { file: dir });
  const base = normalizeBase(values.base ?? '');
  const server = await serveSite({ dir, port, host: values.host, base }).catch((e: NodeJS.ErrnoException) => {
    throw new ShellacCliError('io', e.code === 'EADDRINUSE' ? `port ${port} is in use: pass another with --port` : `cannot serve ${dir}: ${e.message}`);
  });
  const address = server.address() as AddressInfo; // listening on TCP, so an AddressInfo
  const host = values.host ?? '127.0.0.1';
  io.out(`shellac: serving ${dir} at http://${host === '127.0.0.1' ? 'localhost' : host}:${address.port}${base}`);
  return 0;
}

async function retire(dir: string | undefined, values: Values, io: Io): Promise<number> {
  if (!dir) throw new ShellacCliError('usage', `retire needs the deployed folder: shellac retire dist`);
  const r = await retireSite({ dir, worker: values.worker });
  io.out(`shellac: retired ${dir}: wrote ${r.file} (${r.bytes} B, ${r.gzip} B gzip), a worker that deletes this scope's Shellac caches, unregisters itself and reloads open pages from the network`);
  io.out(`  nothing else in ${dir} changed: deploy the folder as usual; the site then runs without a worker`);
  io.out(`  keep ${r.file} deployed until every returning visitor has been back once: at least as long as your longest-lived visitor's cache (months for a site people return to rarely). A browser looks for a new worker at each visit, and at least every 24 h while the old one runs.`);
  io.out(`  to bring Shellac back later, run shellac build again: it replaces this file`);
  return 0;
}

/** Runs the command line; resolves with the exit code (the server keeps running for `serve`). */
export async function run(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    const [command, dir, ...rest] = positionals;
    if (values.help || (!command && !values.version)) return io.out(HELP), values.help ? 0 : 1;
    if (values.version) return io.out('0.1.0'), 0;
    if (rest.length) throw new ShellacCliError('usage', `unexpected argument "${rest[0]}".\n${HELP}`);
    if (command === 'build') return await build(dir, values, io);
    if (command === 'serve') return await serve(dir, values, io);
    if (command === 'retire') return await retire(dir, values, io);
    throw new ShellacCliError('usage', `unknown command "${command}".\n${HELP}`);
  } catch (error) {
    if (error instanceof ShellacCliError) return io.err(`shellac: ${error.message}`), 1;
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return io.err(`shellac: ${error.message}\n${HELP}`), 1;
    throw error;
  }
}
