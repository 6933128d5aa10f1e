// Which Python runs the Django parts (packages/django, examples/django-songbook): one that
// imports Django. Debian's /usr/bin/python3 (python3-django) comes first: a pyenv or venv python3
// earlier on the PATH often has no Django. DJANGO_PYTHON names another.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A python3 that imports Django, or undefined when there is none. */
export function findDjangoPython() {
  const candidates = [process.env.DJANGO_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);
  return candidates.find((python) => (!python.includes('/') || existsSync(python)) && spawnSync(python, ['-c', 'import django'], { stdio: 'ignore' }).status === 0);
}
