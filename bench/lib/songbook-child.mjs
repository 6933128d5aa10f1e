// Child process for `repeat-visit-fcp`: runs the Songbook demo (examples/songbook, TypeScript)
// on a free loopback port, as e2e/support/songbook.ts does, and prints `{"port":N}` once it
// listens. It stops when its stdin closes (the harness exited) or on SIGTERM.
//   node --import tsx bench/lib/songbook-child.mjs <buildDir> <dbPath>
import { startSongbook } from '../../examples/songbook/src/server.ts';

const [buildDir, dbPath] = process.argv.slice(2);
if (!buildDir || !dbPath) {
  console.error('usage: node --import tsx songbook-child.mjs <buildDir> <dbPath>');
  process.exit(2);
}
const running = await startSongbook({ port: 0, host: '127.0.0.1', dbPath, buildDir });
console.log(JSON.stringify({ port: running.port }));
const stop = async () => {
  await running.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
