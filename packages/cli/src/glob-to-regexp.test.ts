import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globFilter, globToRegExp } from './glob-to-regexp.js';

test('** spans folders, * stays in one name', () => {
  const re = globToRegExp('**/*.css');
  assert.ok(re.test('site.css'));
  assert.ok(re.test('css/site.css'));
  assert.ok(re.test('a/b/c/site.css'));
  assert.ok(!re.test('css/site.css.map'));
  assert.ok(!globToRegExp('css/*.css').test('css/sub/x.css'));
});

test('braces give alternatives', () => {
  const re = globToRegExp('**/*.{png,svg}');
  assert.ok(re.test('img/a.png') && re.test('a.svg'));
  assert.ok(!re.test('img/a.jpg'));
});

test('dot files and folders are left out unless named', () => {
  assert.ok(!globToRegExp('**/*.js').test('.git/hook.js'));
  assert.ok(!globToRegExp('**/*').test('.env'));
  assert.ok(globToRegExp('.well-known/*').test('.well-known/x'));
});

test('filter applies excludes after includes', () => {
  const f = globFilter(['**/*.js'], ['vendor/**']);
  assert.ok(f('js/app.js'));
  assert.ok(!f('vendor/lib.js'));
});
