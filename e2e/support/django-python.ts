import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * A Python that imports Django: Debian's /usr/bin/python3 (python3-django), else `python3` on the
 * PATH, else none. A pyenv or venv python3 first on the PATH often has no Django, so Debian's is
 * tried first. `DJANGO_PYTHON` names another.
 */
export function findDjangoPython(): string | undefined {
  const candidates = [process.env.DJANGO_PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  return candidates.find((python) => (python.includes('/') ? existsSync(python) : true) && spawnSync(python, ['-c', 'import django'], { stdio: 'ignore' }).status === 0);
}
