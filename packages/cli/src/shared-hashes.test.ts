import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShellacCliError } from './errors.js';
import type { PlannedEntry } from './plan-files.js';
import { sharedHashes } from './shared-hashes.js';

const entry = (url: string, hash: string | undefined, body: string): PlannedEntry => ({ entry: hash === undefined ? [url] : [url, hash], size: body.length, body: () => body });

test('two different bodies with one hash stop the build, naming both files', () => {
  assert.throws(() => sharedHashes([entry('css/a.css', 'Xk3v9QpZ', 'a{}'), entry('img/x.svg', 'AAAAAAAA', '<svg/>'), entry('css/b.css', 'Xk3v9QpZ', 'b{}')]), (e: unknown) => {
    assert.ok(e instanceof ShellacCliError);
    assert.equal(e.code, 'site');
    assert.match(e.message, /css\/a\.css and css\/b\.css differ but have the same 8-character hash Xk3v9QpZ/);
    return true;
  });
});

test('one body at two URLs shares its hash rightly; hashed names carry none', () => {
  assert.doesNotThrow(() => sharedHashes([entry('a.css', 'Xk3v9QpZ', 'same'), entry('copy/a.css', 'Xk3v9QpZ', 'same'), entry('app.3f9a1c2b.js', undefined, 'x'), entry('b.3f9a1c2c.js', undefined, 'y')]));
});
