import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findDjangoPython } from '../../scripts/django-python.mjs';
import { protocolChecks } from '../server/src/testing/protocol-checks.js';

// The protocol's conformance set (packages/server/src/testing/protocol-checks.ts), the one every
// Node adapter passes, run over HTTP against django_shellac: the fixture project in
// packages/django/conformance serves the same test app, built by collectstatic and shellac_build.

const python = findDjangoPython();
const here = new URL('./', import.meta.url).pathname;

describe('Django (django_shellac) conformance', { skip: !python && !process.env.CI && 'no python3 with Django (apt-get install python3-django)' }, () => {
  const staticRoot = mkdtempSync(join(tmpdir(), 'shellac-conformance-'));
  const env = { ...process.env, PYTHONPATH: here, DJANGO_SETTINGS_MODULE: 'conformance.settings', CONFORMANCE_STATIC_ROOT: staticRoot };
  let server: ChildProcess | undefined;
  let origin = '';

  before(async () => {
    if (!python) throw new Error('no python3 with Django: apt-get install python3-django (.ci/run does)');
    for (const args of [['collectstatic', '--noinput', '-v', '0'], ['shellac_build', '--quiet']]) {
      const r = spawnSync(python, ['-m', 'django', ...args], { env, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`django-admin ${args[0]} failed:\n${r.stdout}${r.stderr}`);
    }
    server = spawn(python, ['-m', 'conformance.serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    origin = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (d) => {
        out += d;
        const port = /listening (\d+)/.exec(out)?.[1];
        if (port) resolve(`http://127.0.0.1:${port}`);
      });
      server!.once('exit', (code) => reject(new Error(`the fixture exited (${code}) before listening`)));
    });
  });

  after(async () => {
    if (server && server.exitCode === null) {
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(staticRoot, { recursive: true, force: true });
  });

  protocolChecks((path, init) => fetch(`${origin}${path}`, init));

  test('the build is shellac_build\'s: sw.js loads the runtime the package ships', async () => {
    const sw = await (await fetch(`${origin}/sw.js`)).text();
    const runtime = /importScripts\("(shellac-runtime\.[0-9a-f]+\.js)"\)/.exec(sw)?.[1];
    if (!runtime) throw new Error(`sw.js does not load a runtime: ${sw.slice(0, 120)}`);
    const r = await fetch(`${origin}/${runtime}`);
    if (r.headers.get('cache-control') !== 'public, max-age=31536000, immutable') throw new Error(`the runtime is not immutable: ${r.headers.get('cache-control')}`);
    await r.arrayBuffer();
  });
});
