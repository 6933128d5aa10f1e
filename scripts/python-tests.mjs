// `npm run test:python`: the Python tests, with Django's test runner, on a python3 that imports
// Django (Debian's python3-django; .ci/run installs it): django_shellac's own tests
// (packages/django/runtests.py) and the Django Songbook's (examples/django-songbook).
import { spawnSync } from 'node:child_process';
import { findDjangoPython } from './django-python.mjs';

const python = findDjangoPython();
if (!python) {
  const message = 'python: no python3 with Django found (apt-get install python3-django python3-venv; DJANGO_PYTHON names another)';
  if (process.env.CI) {
    console.error(message);
    process.exit(1);
  }
  console.log(`${message}: the Python tests were skipped`);
  process.exit(0);
}

const suites = [
  ['django_shellac', [python, 'runtests.py'], 'packages/django'],
  ['Django Songbook', [python, 'manage.py', 'test', 'songbook'], 'examples/django-songbook'],
];
let failed = false;
for (const [name, [command, ...args], cwd] of suites) {
  console.log(`\npython: ${name} (${command} ${args.join(' ')}, in ${cwd})`);
  const started = performance.now();
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
  console.log(`python: ${name} ${r.status === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
