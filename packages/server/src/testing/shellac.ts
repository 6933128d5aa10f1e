// Test support: the Shellac server the core's tests share (over a fake build, removed when the
// file's tests end), and the requests they send it.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { createShellacServer } from '../index.js';
import { makeBuildDir } from './build-dir.js';

export const build = makeBuildDir();
after(build.cleanup);
export const SHELL = '<!doctype html><html><body><main data-shellac-content></main></body></html>';
export const shellac = createShellacServer({ buildDir: build.buildDir, shell: () => SHELL });
export const at = (path: string, init?: RequestInit) => new Request(`http://example.test${path}`, init);
export const handled = async (path: string, init?: RequestInit) => {
  const r = await shellac.handle(at(path, init));
  assert.ok(r, `${path} should be served`);
  return r;
};
