import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FILES, HEADER, PRELOAD_CONTENT } from '@shellac/protocol';
import { createShellacServer, ShellacServerError } from './index.js';
import { HASHED_CSS, makeBuildDir } from './testing/build-dir.js';
import { at, build, shellac } from './testing/shellac.js';
import { throwsCode } from './testing/throws-code.js';

describe('contentOnly and layout', () => {
  test('the parameter or the preload header asks for the content alone', () => {
    assert.equal(shellac.contentOnly(at('/lesson/3')), false);
    assert.equal(shellac.contentOnly(at('/lesson/3?from_appshell=1')), true);
    assert.equal(shellac.contentOnly(at('/lesson/3', { headers: { [HEADER.navigationPreload]: PRELOAD_CONTENT } })), true);
    assert.equal(shellac.contentOnly(at('/lesson/3', { headers: { [HEADER.navigationPreload]: 'true' } })), false);
    assert.equal(shellac.layout(at('/lesson/3'), 'base.html', 'empty.html'), 'base.html');
    assert.equal(shellac.layout(at('/lesson/3?from_appshell=1'), 'base.html', 'empty.html'), 'empty.html');
  });

  test('a view binds the helpers to one request', () => {
    const view = shellac.view(at('/lesson/3?from_appshell=1'));
    assert.equal(view.contentOnly, true);
    assert.equal(view.layout('base.html', 'empty.html'), 'empty.html');
    assert.equal(view.asset('css/app.css'), `/static/${HASHED_CSS}`);
  });
});

describe('asset', () => {
  test('gives the hashed URL under the base', () => {
    assert.equal(shellac.asset('css/app.css'), `/static/${HASHED_CSS}`);
    assert.equal(shellac.asset('/img/logo.svg'), '/static/img/logo.0a1b2c3d.svg');
  });

  test('an unknown name names the file, the assets file and the command', () => {
    assert.throws(
      () => shellac.asset('css/missing.css'),
      (e: unknown) => {
        assert.ok(e instanceof ShellacServerError);
        assert.equal(e.code, 'unknown-asset');
        assert.deepEqual(e.details, { name: 'css/missing.css', file: join(build.buildDir, FILES.assets) });
        assert.match(e.message, /css\/missing\.css/);
        assert.match(e.message, /shellac-assets\.json/);
        assert.match(e.message, /shellac build --app/);
        return true;
      },
    );
  });

  test('a missing or broken assets file is no-build, naming the path; a later build is picked up', () => {
    const later = makeBuildDir();
    after(later.cleanup);
    const file = join(later.buildDir, FILES.assets);
    rmSync(file);
    const server = createShellacServer({ buildDir: later.buildDir, shell: () => '' });
    assert.throws(() => server.asset('css/app.css'), (e: unknown) => e instanceof ShellacServerError && e.code === 'no-build' && e.message.includes(file) && e.details.file === file);
    writeFileSync(file, '{ not json');
    throwsCode(() => server.asset('css/app.css'), 'no-build');
    writeFileSync(file, JSON.stringify({ base: '/static/', files: [] }));
    throwsCode(() => server.asset('css/app.css'), 'no-build');
    writeFileSync(file, JSON.stringify({ base: '/static', files: { 'css/app.css': HASHED_CSS } }));
    assert.equal(server.asset('css/app.css'), `/static/${HASHED_CSS}`);
    // Read once: a later change is not seen until restart (the build writes a new server's worth).
    writeFileSync(file, JSON.stringify({ base: '/other/', files: {} }));
    assert.equal(server.asset('css/app.css'), `/static/${HASHED_CSS}`);
  });
});
