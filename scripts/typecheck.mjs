// Type-checks every package including its tests (the build excludes tests).
import { spawnSync } from 'node:child_process';

let failed = false;
for (const pkg of ['protocol', 'worker', 'client', 'server', 'cli']) {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `packages/${pkg}/tsconfig.json`, '--noEmit'], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
for (const project of ['test-support/tsconfig.json', 'e2e/tsconfig.json', 'examples/songbook/tsconfig.json', 'packages/django/tsconfig.json']) {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project, '--noEmit'], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
