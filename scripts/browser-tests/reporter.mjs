// Prints browser test results the way Node's spec reporter does: one line per test, the failure's
// message and its stack mapped back to the TypeScript sources, and a summary.
import { SourceMap } from 'node:module';
import { relative, resolve } from 'node:path';
import { OUT_DIR } from './bundle.mjs';

const FRAME = /(?:https?:\/\/[^\s()]+)\/__unit\/files\/(f\d+)\.js:(\d+):(\d+)/g;
/** Frames in the harness (shims, entry, esbuild's helpers, which have no source) say nothing about the test. */
const INTERNAL = /^(?:test-support\/browser\/|\.browser-tests\/unit-entry:)|\/__unit\/files\//;

/**
 * Results are printed file by file, in the order of the files, whatever order files finish in
 * (they run side by side): `file()` gives a file's report, buffered until its `print()`.
 */
export function createReporter({ out = process.stdout, color = !!out.isTTY && !process.env.NO_COLOR } = {}) {
  const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[39m` : text);
  const colors = { green: paint(32), red: paint(31), grey: paint(90), blue: paint(34), yellow: paint(33) };
  const shared = { colors, stackOf: createStackMapper(), counts: { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0 }, failures: [] };
  const { blue, grey, red } = colors;
  return {
    /** The report of one file (`scripts`: every bundle by id, to map stacks). */
    file: (file, kind, scripts) => fileReport({ ...shared, file, kind, scripts, out }),
    summary(files, ms, extra) {
      const write = (line = '') => out.write(`${line}\n`);
      write();
      if (shared.failures.length) {
        write(red('✖ failing tests:'));
        for (const f of shared.failures) write(`  ${f}`);
        write();
      }
      write(`${blue('ℹ')} files ${files}`);
      for (const [k, v] of Object.entries(shared.counts)) write(`${blue('ℹ')} ${k} ${v}`);
      write(`${blue('ℹ')} duration_ms ${ms.toFixed(0)} ${grey(extra)}`);
    },
  };
}

function fileReport({ file, kind, scripts, out, colors, stackOf, counts, failures }) {
  const { green, red, grey, blue, yellow } = colors;
  const lines = [];
  const write = (line = '') => lines.push(line);
  const printError = (error, indent) => {
    const pad = ' '.repeat(indent);
    const head = `${error.name}${error.code ? ` [${error.code}]` : ''}: ${error.message}`;
    for (const l of [...head.trimEnd().split('\n'), ...(error.details ? ['', ...error.details.split('\n')] : [])]) write(l ? `${pad}${l}` : '');
    write();
    for (const frame of stackOf(error, scripts)) write(grey(`${pad}    ${frame}`));
    if (error.more) write(`${pad}${yellow(`(and ${error.more} more error${error.more > 1 ? 's' : ''} in the same test)`)}`);
  };
  const consoleLines = (list) => list.forEach((l) => write(grey(`    console: ${l}`)));
  return {
    /** One test's result (a `test` event from the harness). */
    test(event) {
      counts.tests++;
      const time = grey(`(${event.duration.toFixed(2)}ms)`);
      const reason = event.reason ? ` ${event.reason}` : '';
      if (event.status === 'pass') counts.pass++, write(`  ${green('✔')} ${event.name} ${time}`);
      else if (event.status === 'skip') counts.skipped++, write(`  ${grey('﹣')} ${event.name} ${time} ${grey(`# SKIP${reason}`)}`);
      else if (event.status === 'todo') {
        // A todo test runs; its failure is expected (a known bug) and fails nothing, as in Node.
        counts.todo++;
        write(`  ${event.error ? yellow('✖') : green('✔')} ${event.name} ${time} ${yellow(`# TODO${reason}`)}`);
        if (event.error) printError(event.error, 4);
      } else {
        counts.fail++;
        failures.push(`${file} › ${event.name}`);
        write(`  ${red('✖')} ${event.name} ${time}`);
        printError(event.error ?? { name: 'Error', message: 'failed' }, 4);
      }
      for (const d of event.diagnostics ?? []) write(grey(`    ℹ ${d}`));
    },
    /** The file could not run to its end (the worker did not start, the page left, no report came). */
    fatal(message, console) {
      counts.tests++;
      counts.fail++;
      failures.push(`${file} › (the file did not finish)`);
      write(`  ${red('✖')} ${red('the file did not finish:')} ${message}`);
      consoleLines(console);
    },
    /** Console errors of a file that failed, which often say why. */
    console: consoleLines,
    print(ms) {
      out.write(`${blue('▶')} ${file} ${grey(`${kind === 'worker' ? '(service worker)' : '(page)'} (${ms.toFixed(0)}ms)`)}\n`);
      for (const l of lines) out.write(`${l}\n`);
    },
  };
}

/** Stack frames of a bundle, as places in the sources (source maps parsed once, on first use). */
function createStackMapper() {
  const maps = new Map();
  const place = (scripts) => (match, id, line, column) => {
    const script = scripts.get(id);
    if (!script?.map) return match;
    if (!maps.has(id)) maps.set(id, new SourceMap(JSON.parse(script.map)));
    const entry = maps.get(id).findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return match;
    const source = relative(process.cwd(), resolve(OUT_DIR, entry.originalSource)).split('\\').join('/');
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  };
  return (error, scripts) =>
    (error.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .map((l) => l.trim().replace(FRAME, place(scripts)))
      .filter((l) => !INTERNAL.test(l.replace(/^at (?:async )?(?:[^(]*\()?/, '')));
}
