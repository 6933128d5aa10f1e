import assert from 'node:assert/strict';
import { test } from 'node:test';
import { injectRegistration, injectRegistrationBytes } from './inject-registration.js';

test('the script goes before </head> with a path relative to the page', () => {
  assert.equal(
    injectRegistration('<html><head><title>x</title></head><body></body></html>', 2),
    '<html><head><title>x</title><script src="../../shellac.js" defer data-shellac></script></head><body></body></html>',
  );
});

test('without a head it goes after <body>, without either at the end', () => {
  assert.equal(injectRegistration('<body class="a"><p>x</p>', 0), '<body class="a"><script src="shellac.js" defer data-shellac></script><p>x</p>');
  assert.equal(injectRegistration('<p>x</p>', 1), '<p>x</p><script src="../shellac.js" defer data-shellac></script>');
});

test('building a built page again keeps one tag', () => {
  const once = injectRegistration('<head></head>', 1);
  assert.equal(injectRegistration(once, 1), once);
});

test('on bytes, a page in UTF-8 gets the same tag, and every other byte stays as it was', () => {
  const page = '\ufeff<html><head><title>Café – 楽譜 🎵\u00a0</title></head><body>ß</body></html>';
  const built = injectRegistrationBytes(Buffer.from(page), 1, ['shellac-save.js']);
  assert.deepEqual(built, Buffer.from(injectRegistration(page, 1, ['shellac-save.js'])));
  assert.equal(injectRegistrationBytes(built, 1, ['shellac-save.js']).compare(built), 0, 'a second build keeps one tag');
  // Bytes that are not UTF-8 at all (a Latin-1 page) are not replaced by U+FFFD either.
  const latin1 = Buffer.concat([Buffer.from('<head><title>caf'), Buffer.from([0xe9]), Buffer.from('</title></head>')]);
  assert.deepEqual(injectRegistrationBytes(latin1, 0), Buffer.concat([latin1.subarray(0, -'</head>'.length), Buffer.from('<script src="shellac.js" defer data-shellac></script></head>')]));
});
