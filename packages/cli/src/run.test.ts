import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import { builtEntries } from './testing/built-worker.js';
import { run } from './run.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A scratch site from a map of relative paths to contents. */
function site(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(join(tmpdir(), 'shellac-cli-'));
  dirs.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, 'site', rel, '..'), { recursive: true });
    writeFileSync(join(root, 'site', rel), content);
  }
  return { root, site: join(root, 'site'), out: join(root, 'out') };
}

async function shellac(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const PAGE = '<!doctype html><html lang="en"><head><title>Home | Demo</title><link rel="stylesheet" href="css/a.css"></head><body><header>Demo</header><p>hi</p></body></html>';

test('a folder with no HTML fails with exit 1, says so, and writes nothing', async () => {
  const s = site({ 'css/a.css': 'body{}', 'img/x.png': 'png' });
  const r = await shellac('build', s.site, '--out', s.out);
  assert.equal(r.code, 1);
  assert.match(r.err, /no HTML page found \(2 other file\(s\)\)/);
  assert.match(r.err, new RegExp(s.site.replace(/[/.]/g, '\\$&')));
  assert.equal(existsSync(s.out), false);
  assert.deepEqual(readdirSync(s.root), ['site']);
});

test('a missing site folder and missing --out are usage errors', async () => {
  const s = site({ 'index.html': PAGE });
  assert.match((await shellac('build', join(s.root, 'nope'), '--out', s.out)).err, /nope: no such folder/);
  const r = await shellac('build', s.site);
  assert.equal(r.code, 1);
  assert.match(r.err, /build needs --out <outDir>/);
  assert.equal((await shellac('bogus')).code, 1);
});

test('a file over the size limit is named, left out of the precache, and still copied', async () => {
  const s = site({ 'index.html': PAGE, 'css/a.css': 'body{}', 'img/huge.png': Buffer.alloc(3 * 1024 * 1024) });
  const r = await shellac('build', s.site, '--out', s.out);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /warning: img\/huge\.png is 3072\.0 KiB, above maxFileSizeBytes \(2048\.0 KiB\): not precached/);
  assert.deepEqual(builtEntries(s.out).map((e) => e[0]), ['css/a.css', 'offline.html', 'shellac.js']);
  assert.ok(existsSync(join(s.out, 'img/huge.png')));
});

test('an offline page over the size limit fails the build, and the previous output survives', async () => {
  const s = site({ 'index.html': PAGE });
  assert.equal((await shellac('build', s.site, '--out', s.out, '--quiet')).code, 0);
  const before = readFileSync(join(s.out, 'sw.js'), 'utf8');
  writeFileSync(join(s.site, 'offline.html'), `<html>${'x'.repeat(4000)}</html>`);
  writeFileSync(join(s.site, 'shellac.config.json'), JSON.stringify({ maxFileSizeBytes: 1000 }));
  const r = await shellac('build', s.site, '--out', s.out);
  assert.equal(r.code, 1);
  assert.match(r.err, /offline\.html: offline\.html is 3\.9 KiB, above maxFileSizeBytes .* it must be precached/);
  assert.equal(readFileSync(join(s.out, 'sw.js'), 'utf8'), before);
  assert.deepEqual(readdirSync(s.root).sort(), ['out', 'site']);
});

test('a bad config names the file, the key and the value, and writes nothing', async () => {
  const s = site({ 'index.html': PAGE, 'shellac.config.json': JSON.stringify({ pages: { maxEntries: 0 } }) });
  const r = await shellac('build', s.site, '--out', s.out);
  assert.equal(r.code, 1);
  assert.match(r.err, /shellac\.config\.json: "pages\.maxEntries" must be a whole number ≥ 1, got 0/);
  assert.equal(existsSync(s.out), false);
  const broken = site({ 'index.html': PAGE, 'conf.json': '{ "precache": [' });
  const b = await shellac('build', broken.site, '--out', broken.out, '--config', join(broken.site, 'conf.json'));
  assert.match(b.err, /conf\.json: not valid JSON/);
  const missing = await shellac('build', broken.site, '--out', broken.out, '--config', 'nowhere.json');
  assert.match(missing.err, /--config nowhere\.json: no such file/);
});

test('an offlinePage that does not exist is named', async () => {
  const s = site({ 'index.html': PAGE, 'shellac.config.json': JSON.stringify({ offlinePage: 'pages/offline.html' }) });
  const r = await shellac('build', s.site, '--out', s.out);
  assert.match(r.err, /shellac\.config\.json: "offlinePage" is not a file in .*site, got "pages\/offline\.html"/);
});

test('--out inside the site is refused, and nothing is written', async () => {
  const s = site({ 'index.html': PAGE, 'css/a.css': 'body{}' });
  const before = readdirSync(s.site).sort();
  const inside = join(s.site, 'dist');
  const r = await shellac('build', s.site, '--out', inside);
  assert.equal(r.code, 1);
  assert.match(r.err, /--out .*site\/dist is inside the site folder .*site: the next build would copy this output into the new one\. Give a folder outside the site, e\.g\. "--out .*dist"/);
  assert.deepEqual(readdirSync(s.site).sort(), before);
  assert.deepEqual(readdirSync(s.root), ['site']);
  // Deeper, and through a link to the site, too.
  const { symlinkSync } = await import('node:fs');
  symlinkSync(s.site, join(s.root, 'alias'));
  assert.match((await shellac('build', s.site, '--out', join(s.root, 'alias', 'a', 'b'))).err, /is inside the site folder/);
  assert.deepEqual(readdirSync(s.site).sort(), before);
});

test('problems of every kind are reported together, and nothing is written', async () => {
  const s = site({ 'css/a.css': 'body{}', 'sw.js': 'self.oninstall = () => {}', 'shellac.config.json': JSON.stringify({ precahe: [], offlineImage: 'nope.svg' }) });
  const r = await shellac('build', s.site, '--out', join(s.site, 'out'));
  assert.equal(r.code, 1);
  const lines = r.err.split('\n');
  assert.equal(lines[0], 'shellac: 4 problems; nothing was written:');
  assert.match(lines[1]!, /^ {2}--out .*out is inside the site folder/);
  assert.match(lines[2]!, /^ {2}.*shellac\.config\.json: "precahe" is not a known key \(did you mean "precache"\?\)$/);
  assert.match(lines[3]!, /^ {2}.*site: no HTML page found \(2 other file\(s\)\)/);
  assert.match(lines[4]!, /^ {2}.*sw\.js: the site already has a sw\.js/);
  assert.deepEqual(readdirSync(s.root), ['site']);
});

test('a perUser route is flagged while identity is off, and not once it is on', async () => {
  const routes = [{ match: 'img/*', strategy: 'cacheFirst' }, { match: 'data/*', strategy: 'networkFirst' }, { match: 'api/me/*', strategy: 'networkFirst', perUser: true }];
  const s = site({ 'index.html': PAGE, 'shellac.config.json': JSON.stringify({ routes }) });
  const r = await shellac('build', s.site, '--out', s.out, '--quiet');
  assert.equal(r.code, 0, r.err);
  assert.equal(
    r.err,
    'shellac: warning: routes[2] ("api/me/*") has "perUser": true, but identity is off: its cache is shared by everyone who uses this browser, is kept when another person signs in, and never stores Cache-Control: private responses. Turn identity on with "identity": {} in shellac.config.json (or build with --app).',
  );
  writeFileSync(join(s.site, 'shellac.config.json'), JSON.stringify({ routes, identity: {} }));
  assert.equal((await shellac('build', s.site, '--out', s.out, '--quiet')).err, '');
  writeFileSync(join(s.site, 'shellac.config.json'), JSON.stringify({ routes }));
  assert.equal((await shellac('build', s.site, '--out', join(s.root, 'app'), '--quiet', '--app')).err, '');
});

test('the output folder must not be the site, nor a folder that is not a Shellac build', async () => {
  const s = site({ 'index.html': PAGE });
  assert.match((await shellac('build', s.site, '--out', s.site)).err, /would overwrite the site itself/);
  mkdirSync(s.out);
  writeFileSync(join(s.out, 'precious.txt'), 'keep me');
  const r = await shellac('build', s.site, '--out', s.out);
  assert.match(r.err, /already exists and is not a Shellac build/);
  assert.equal(readFileSync(join(s.out, 'precious.txt'), 'utf8'), 'keep me');
});

test('a build injects the script at every depth, keeps the site untouched, and prints a summary', async () => {
  const s = site({ 'index.html': PAGE, 'a/b/page.html': PAGE, 'css/a.css': 'body{}' });
  const r = await shellac('build', s.site, '--out', s.out);
  assert.equal(r.code, 0, r.err);
  assert.match(readFileSync(join(s.out, 'a/b/page.html'), 'utf8'), /<script src="\.\.\/\.\.\/shellac\.js" defer data-shellac><\/script><\/head>/);
  assert.equal(readFileSync(join(s.site, 'index.html'), 'utf8'), PAGE);
  assert.match(r.out, /precached {7}3 entries/);
  assert.match(r.out, /offline page {4}offline\.html \(generated in the site's look\)/);
  assert.doesNotMatch(r.out, /static routes/, 'no file is named by its hash');
  assert.match(r.out, /sw\.js {11}\d+ B gzip/);
  assert.match(r.out, /runtime {9}shellac-runtime\.[0-9a-f]{10}\.js, \d+ B gzip \(\d+ B\)\n/);
  const offline = readFileSync(join(s.out, 'offline.html'), 'utf8');
  assert.match(offline, /<link rel="stylesheet" href="css\/a\.css">/);
  assert.match(offline, /<title>You are offline – Demo<\/title>/);
  // A second build over the first replaces it whole.
  assert.equal((await shellac('build', s.site, '--out', s.out, '--quiet')).code, 0);
});

test('the summary names the hashed folders and the other hashed files the browser answers without the worker', async () => {
  const s = site({ 'index.html': PAGE, 'css/a.css': 'body{}', 'assets/app.3f9a1c2b.js': 'a', 'assets/x/b.1a2b3c4d.js': 'b', 'img/logo.5e6f7a8b.svg': '<svg/>' });
  const r = await shellac('build', s.site, '--out', s.out);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\n {2}static routes {3}1 folder \(assets\/\) and 1 file, answered from the precache by the browser\n/);
});

test('large sites report progress', async () => {
  const files: Record<string, string> = { 'index.html': PAGE };
  for (let i = 0; i < 1200; i++) files[`f/${i}.txt`] = `file ${i}`;
  const s = site(files);
  const r = await shellac('build', s.site, '--out', s.out);
  assert.match(r.err, /shellac: 1000\/1201 files, [\d.]+ KiB processed/);
  assert.match(r.err, /shellac: 1201\/1201 files/);
});

test('--link hard-links unchanged files and still writes changed pages as new files', async () => {
  const { statSync } = await import('node:fs');
  const s = site({ 'index.html': PAGE, 'css/a.css': 'body{}', 'data.bin': 'raw' });
  const r = await shellac('build', s.site, '--out', s.out, '--link', '--quiet');
  assert.equal(r.code, 0, r.err);
  assert.equal(statSync(join(s.out, 'css/a.css')).ino, statSync(join(s.site, 'css/a.css')).ino);
  assert.equal(statSync(join(s.out, 'data.bin')).ino, statSync(join(s.site, 'data.bin')).ino);
  assert.notEqual(statSync(join(s.out, 'index.html')).ino, statSync(join(s.site, 'index.html')).ino);
  assert.equal(readFileSync(join(s.site, 'index.html'), 'utf8'), PAGE);
  // Without --link nothing is shared.
  const c = site({ 'index.html': PAGE, 'css/a.css': 'body{}' });
  await shellac('build', c.site, '--out', c.out, '--quiet');
  assert.notEqual(statSync(join(c.out, 'css/a.css')).ino, statSync(join(c.site, 'css/a.css')).ino);
});

test('a route that matches precached files is flagged, even with --quiet', async () => {
  const s = site({ 'index.html': PAGE, 'img/a.png': 'png', 'shellac.config.json': JSON.stringify({ routes: [{ match: 'img/*.png', strategy: 'cacheFirst' }] }) });
  const r = await shellac('build', s.site, '--out', s.out, '--quiet');
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /warning: routes\[0\] \("img\/\*\.png"\) matches 1 precached file\(s\), e\.g\. img\/a\.png/);
});

test('--out naming a file, and serve on a missing folder, are errors', async () => {
  const s = site({ 'index.html': PAGE, 'notes.txt': 'x' });
  const r = await shellac('build', s.site, '--out', join(s.site, 'notes.txt'));
  assert.match(r.err, /notes\.txt is a file: give a folder/);
  assert.equal(readFileSync(join(s.site, 'notes.txt'), 'utf8'), 'x');
  const serve = await shellac('serve', join(s.root, 'missing'));
  assert.equal(serve.code, 1);
  assert.match(serve.err, /missing: no such folder to serve/);
});

test('a symlink loop in the site does not hang or crash the build', async () => {
  const { symlinkSync } = await import('node:fs');
  const s = site({ 'index.html': PAGE, 'docs/page.html': PAGE });
  symlinkSync('..', join(s.site, 'docs', 'up'));
  const r = await shellac('build', s.site, '--out', s.out, '--quiet');
  assert.equal(r.code, 0, r.err);
  assert.ok(existsSync(join(s.out, 'docs/page.html')));
});

test('--app: hashed copies, an asset map, absolute manifest URLs, and fallbacks named by their hashed URLs', async () => {
  const s = site({ 'css/app.css': 'body{}', 'offline.html': '<p>offline</p>', 'img/x.svg': '<svg/>', 'shellac.config.json': JSON.stringify({ offlineImage: 'img/x.svg', appShell: {} }) });
  const r = await shellac('build', s.site, '--out', s.out, '--app', '--base', '/static/');
  assert.equal(r.code, 0, r.err);
  const assets = JSON.parse(readFileSync(join(s.out, 'shellac-assets.json'), 'utf8')) as { base: string; files: Record<string, string> };
  assert.equal(assets.base, '/static/');
  assert.match(assets.files['css/app.css']!, /^css\/app\.[0-9a-f]{8}\.css$/);
  assert.ok(existsSync(join(s.out, assets.files['css/app.css']!)) && existsSync(join(s.out, 'css/app.css')));
  const urls = builtEntries(s.out).map((e) => e[0]);
  assert.ok(urls.includes(`/static/${assets.files['css/app.css']}`));
  assert.ok(urls.includes('shellac.js') && urls.includes('shellac-shell.js'));
  const sw = readFileSync(join(s.out, 'sw.js'), 'utf8');
  assert.ok(sw.includes(`/static/${assets.files['offline.html']}`), 'the offline page is named by its hashed URL');
  assert.ok(sw.includes(`/static/${assets.files['img/x.svg']}`), 'the fallback image is named by its hashed URL');
  assert.match(r.out, /offline page {4}offline\.html/);
  assert.match((await shellac('build', s.site, '--out', s.out, '--app', '--base', 'https://cdn.example/static/')).err, /--base https:\/\/cdn\.example\/static\/: give the URL path/);
});
