import assert from 'node:assert/strict';
import { test } from 'node:test';
import { injectRegistration } from './inject-registration.js';

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
