// Prints browser test results the way Node's spec reporter does: one line per test, the failure's
// message and its stack mapped back to the TypeScript sources, and a summary.
import { SourceMap } from 'node:module';
import { relative, resolve } from 'node:path';
import { OUT_DIR } from './bundle.mjs';

const FRAME = /(?:https?:\/\/[^\s()]+)\/__unit\/files\/(f\d+)\.js:(\d+):(\d+)/g;
/** Frames in the harness (shims, runner) say nothing about the test. */
const INTERNAL = /^(?:test-support\/browser\/|unit-entry:)/;

export function createReporter({ out = process.stdout, color = !!out.isTTY && !process.env.NO_COLOR } = {}) {
  const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[39m` : text);
  const [green, red, grey, blue, yellow] = [32, 31, 90, 34, 33].map(paint);
  const maps = new Map();
  const counts = { tests: 0, pass: 0, fail: 0, skipped: 0, todo: 0 };
  const failures = [];
  const write = (line = '') => out.write(`${line}\n`);

  const mapFrame = (scripts) => (match, id, line, column) => {
    const script = scripts.get(id);
    if (!script?.map) return match;
    if (!maps.has(id)) maps.set(id, new SourceMap(JSON.parse(script.map)));
    const entry = maps.get(id).findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return match;
    const source = relative(process.cwd(), resolve(OUT_DIR, entry.originalSource)).split('\\').join('/');
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  };

  const stackOf = (error, scripts) =>
    (error.stack ?? '')
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .map((l) => l.trim().replace(FRAME, mapFrame(scripts)))
      .filter((l) => !INTERNAL.test(l.replace(/^at (?:async )?(?:[^(]*\()?/, '')));

  const printError = (error, scripts, indent) => {
    const pad = ' '.repeat(indent);
    const head = `${error.name}${error.code ? ` [${error.code}]` : ''}: ${error.message}`;
    const lines = [...head.trimEnd().split('\n'), ...(error.details ? ['', ...error.details.split('\n')] : [])];
    for (const l of lines) write(l ? `${pad}${l}` : '');
    write();
    for (const frame of stackOf(error, scripts)) write(grey(`${pad}    ${frame}`));
    if (error.more) write(`${pad}${yellow(`(and ${error.more} more error${error.more > 1 ? 's' : ''} in the same test)`)}`);
  };

  return {
    counts,
    fileStart(file, kind) {
      write(`${blue('▶')} ${file} ${grey(kind === 'worker' ? '(service worker)' : '(page)')}`);
    },
    /** One test's result (a `test` event from the harness). */
    test(file, event, scripts) {
      counts.tests++;
      const time = grey(`(${event.duration.toFixed(2)}ms)`);
      if (event.status === 'pass') counts.pass++, write(`  ${green('✔')} ${event.name} ${time}`);
      else if (event.status === 'skip') counts.skipped++, write(`  ${grey('﹣')} ${event.name} ${time} ${grey(`# SKIP${event.reason ? ` ${event.reason}` : ''}`)}`);
      else if (event.status === 'todo') counts.todo++, write(`  ${grey('﹣')} ${event.name} ${time} ${grey(`# TODO${event.reason ? ` ${event.reason}` : ''}`)}`);
      else {
        counts.fail++;
        failures.push(`${file} › ${event.name}`);
        write(`  ${red('✖')} ${event.name} ${time}`);
        printError(event.error ?? { name: 'Error', message: 'failed' }, scripts, 4);
      }
      for (const d of event.diagnostics ?? []) write(grey(`    ℹ ${d}`));
    },
    /** The file could not run to its end (the worker did not start, the page left, no report came). */
    fatal(file, message, consoleLines) {
      counts.tests++;
      counts.fail++;
      failures.push(`${file} › (the file did not finish)`);
      write(`  ${red('✖')} ${red('the file did not finish:')} ${message}`);
      for (const l of consoleLines) write(grey(`    console: ${l}`));
    },
    /** Console errors of a file that failed, which often say why. */
    console(lines) {
      for (const l of lines) write(grey(`    console: ${l}`));
    },
    summary(files, ms, extra) {
      write();
      if (failures.length) {
        write(red('✖ failing tests:'));
        for (const f of failures) write(`  ${f}`);
        write();
      }
      write(`${blue('ℹ')} files ${files}`);
      for (const [k, v] of Object.entries(counts)) write(`${blue('ℹ')} ${k} ${v}`);
      write(`${blue('ℹ')} duration_ms ${ms.toFixed(0)} ${grey(extra)}`);
    },
  };
}
