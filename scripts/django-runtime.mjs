// The files the Python package django-shellac ships, so a Django project needs no Node: the
// worker runtime with every feature (compiled afresh, as `shellac build` would make it) and the
// browser builds of the client. Written by scripts/build.mjs after the packages are
// built; checked against a fresh build by packages/django/runtime.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the Python package keeps them. */
export const DJANGO_RUNTIME_DIR = 'packages/django/django_shellac/runtime';

/** The client builds shipped beside the runtime (made by scripts/build.mjs). */
export const CLIENT_FILES = ['shellac.js', 'shellac-shell.js', 'shellac-save.js', 'shellac-clear.js'];

/** Every file the package should hold, name → bytes, from the packages' dist folders. */
export async function freshDjangoRuntime(root = '.') {
  const { compileRuntime } = await import(pathToFileURL(resolve(root, 'packages/cli/dist/bundle-worker.js')).href);
  const { ALL_FEATURES } = await import(pathToFileURL(resolve(root, 'packages/cli/dist/runtime-features.js')).href);
  const runtime = await compileRuntime(ALL_FEATURES);
  const files = new Map([[runtime.name, Buffer.from(runtime.code)]]);
  for (const name of CLIENT_FILES) files.set(name, readFileSync(join(root, 'packages/client/dist/browser', name)));
  return files;
}

/** The files the package holds now, name → bytes. */
export function shippedDjangoRuntime(root = '.') {
  const dir = join(root, DJANGO_RUNTIME_DIR);
  return new Map(readdirSync(dir).filter((n) => n.endsWith('.js')).map((n) => [n, readFileSync(join(dir, n))]));
}
