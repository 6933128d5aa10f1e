import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ShellacClientError } from './errors.js';
import { saveFailureError } from './save-failure-error.js';

const url = 'https://example.org/song.html';

test('a failure becomes a typed error: its code, the failure as details, a message saying what to do', () => {
  const error = saveFailureError({ code: 'http', url, file: 'https://example.org/a.png', status: 404, message: 'a.png: HTTP 404' }, { reply: 'r' });
  assert.ok(error instanceof ShellacClientError);
  assert.equal(error.code, 'http');
  assert.deepEqual(error.details, { code: 'http', url, file: 'https://example.org/a.png', status: 404, message: 'a.png: HTTP 404', reply: 'r' });
  assert.equal(error.message, `shellac: could not save ${url}: https://example.org/a.png answered HTTP 404; make sure the server serves it, then save again`);
});

test('a quota error says how many bytes are needed, and how many are left when known', () => {
  assert.equal(
    saveFailureError({ code: 'quota', url, needed: 2_500_000, available: 1_000_000, message: '' }).message,
    `shellac: could not save ${url}: not enough storage: 2500000 bytes (2.5 MB) needed, 1000000 bytes (1.0 MB) available; remove saved items (unsave, clearSaved) or free space on the device`,
  );
  assert.equal(
    saveFailureError({ code: 'quota', url, needed: 2_500_000, message: '' }).message,
    `shellac: could not save ${url}: not enough storage: 2500000 bytes (2.5 MB) needed; remove saved items (unsave, clearSaved) or free space on the device`,
  );
});

test('every code has its message', () => {
  for (const code of ['network', 'cancelled', 'bad-url', 'user-changed'] as const) {
    const error = saveFailureError({ code, url, message: 'https://example.org/x is not an HTML page' });
    assert.equal(error.code, code);
    assert.match(error.message, new RegExp(`^shellac: could not save ${url}: \\S`));
  }
});
