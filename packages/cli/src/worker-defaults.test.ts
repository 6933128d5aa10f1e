import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WorkerConfig } from '@shellac/protocol';
import { DEFAULT_CONFIG } from './build-config.js';
import { bundleRuntime } from './bundle-worker.js';
import { WORKER_DEFAULTS, withoutDefaults } from './worker-defaults.js';

test('sw.js leaves out the settings at their defaults, and keeps every one that differs', () => {
  const atDefaults: WorkerConfig = { version: 'v', offlinePage: 'offline.html', pages: DEFAULT_CONFIG.pages, directoryIndex: 'index.html', activate: 'immediately', precacheConcurrency: 8 };
  assert.deepEqual(withoutDefaults(atDefaults), { version: 'v', offlinePage: 'offline.html' });
  const differing: WorkerConfig = { version: 'v', pages: false, directoryIndex: '', activate: 'waiting', precacheConcurrency: 2 };
  assert.deepEqual(withoutDefaults(differing), differing);
  assert.deepEqual(withoutDefaults({ version: 'v', pages: { ...(DEFAULT_CONFIG.pages as object), maxEntries: 20 } }), { version: 'v', pages: { ...(DEFAULT_CONFIG.pages as object), maxEntries: 20 } });
});

test('the runtime holds the defaults sw.js leaves out, under what sw.js says', async () => {
  const { code } = await bundleRuntime({ strategies: [], appShell: false, identity: false, save: false });
  for (const value of [DEFAULT_CONFIG.pages && Object.values(DEFAULT_CONFIG.pages), WORKER_DEFAULTS.directoryIndex, WORKER_DEFAULTS.activate].flat()) {
    assert.ok(code.includes(String(value).replace(/^2592000$/, '2592e3')), `the runtime lacks the default ${value}`);
  }
});
