import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PagesConfig, WorkerConfig } from '@shellac/protocol';
import { DEFAULT_CONFIG } from './build-config.js';
import { bundleRuntime } from './bundle-worker.js';
import { RUNTIME_DEFAULTS, WORKERS_OWN, withoutDefaults } from './worker-defaults.js';

test('sw.js leaves out the settings at their defaults, and keeps every one that differs', () => {
  const atDefaults: WorkerConfig = { version: 'v', offlinePage: 'offline.html', pages: DEFAULT_CONFIG.pages, directoryIndex: 'index.html', activate: 'immediately', precacheConcurrency: 8 };
  assert.deepEqual(withoutDefaults(atDefaults), { version: 'v' });
  const differing: WorkerConfig = { version: 'v', offlinePage: '', pages: false, directoryIndex: '', activate: 'waiting', precacheConcurrency: 2 };
  assert.deepEqual(withoutDefaults(differing), differing);
  const fewer = { ...(DEFAULT_CONFIG.pages as PagesConfig), maxEntries: 20 };
  assert.deepEqual(withoutDefaults({ version: 'v', pages: fewer }), { version: 'v', pages: fewer });
});

test('what sw.js leaves out, the runtime or the worker supplies: together they are the build defaults', async () => {
  const pages = DEFAULT_CONFIG.pages as PagesConfig;
  assert.deepEqual({ ...RUNTIME_DEFAULTS.pages, networkTimeoutSeconds: WORKERS_OWN.networkTimeoutSeconds }, pages);
  assert.equal(DEFAULT_CONFIG.precacheConcurrency, WORKERS_OWN.precacheConcurrency);
  const { code } = await bundleRuntime({ strategies: [], appShell: false, identity: false, save: false });
  for (const value of ['"offline.html"', '"index.html"', '"immediately"', `maxEntries:${pages.maxEntries}`, `maxBytes:${pages.maxBytes}`]) assert.ok(code.includes(value), `the runtime lacks ${value}`);
});
