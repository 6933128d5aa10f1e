// Runs every *.test.ts under packages/ and examples/ with Node's test runner (TypeScript through
// tsx). The examples' tests use the built packages, as the examples do: run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const found = [];
const walk = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.test.ts')) found.push(p);
  }
};
walk('packages');
walk('examples');
if (!found.length) {
  console.error('unit: no *.test.ts files found under packages/ or examples/');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...found], { stdio: 'inherit' });
process.exit(r.status ?? 1);
