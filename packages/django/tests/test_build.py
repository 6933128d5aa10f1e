"""manage.py shellac_build: STATIC_ROOT after collectstatic → manifest, pack, sw.js."""
import hashlib
import json
import os
import struct

from django.core.management import CommandError
from django.test import SimpleTestCase, override_settings

from django_shellac.build.manifest import version_of

from .helpers import TemporaryStaticRoot, build
from .settings import SHELLAC


def read(root, name):
    with open(os.path.join(root, name), 'rb') as f:
        return f.read()


def staticfiles(root):
    return json.loads(read(root, 'staticfiles.json'))['paths']


def worker_config(root):
    """The configuration sw.js starts the runtime with."""
    sw = read(root, 'sw.js').decode()
    return json.loads(sw[sw.index(');shellac(') + len(');shellac('):-2])


def built_manifest(root):
    """The manifest as sw.js carries it: its version, entries and pack (``false`` there: none)."""
    config = worker_config(root)
    return {key: config[key] for key in ('version', 'entries', 'pack') if config.get(key) is not None and config.get(key) is not False}


class Output(SimpleTestCase):
    def setUp(self):
        self.static = TemporaryStaticRoot()
        self.root = self.static.__enter__()
        self.out, self.err = build()
        self.manifest = built_manifest(self.root)

    def tearDown(self):
        self.static.__exit__()

    def test_the_manifest_lists_django_hashed_urls_and_the_scripts(self):
        paths = staticfiles(self.root)
        urls = [e[0] for e in self.manifest['entries']]
        self.assertIn(['/static/' + paths['css/app.css']], self.manifest['entries'])
        self.assertIn(['/static/' + paths['js/lesson.js']], self.manifest['entries'])
        self.assertIn(['/static/' + paths['img/logo.svg']], self.manifest['entries'])
        self.assertNotIn('/static/css/app.css', urls)  # the unhashed copy is never asked for
        for name in ('shellac.js', 'shellac-shell.js', 'shellac-save.js'):
            [entry] = [e for e in self.manifest['entries'] if e[0] == name]
            digest = hashlib.sha256(read(self.root, name)).digest()[:6]
            import base64
            self.assertEqual(entry[1], base64.urlsafe_b64encode(digest).decode())
        # Written beside them, loaded only when no worker cleared: not worth a byte of every update.
        self.assertTrue(os.path.isfile(os.path.join(self.root, 'shellac-clear.js')))
        self.assertNotIn('shellac-clear.js', urls)
        self.assertEqual(urls, sorted(urls))
        self.assertEqual(self.manifest['version'], version_of(self.manifest['entries']))

    def test_the_manifest_file_holds_the_version_alone(self):
        # The entries travel in sw.js; the worker's look for updates reads only the version.
        self.assertEqual(json.loads(read(self.root, 'shellac-manifest.json')), {'version': self.manifest['version']})

    def test_html_and_the_offline_page_are_not_precached_by_default(self):
        self.assertFalse(any(e[0].endswith('.html') for e in self.manifest['entries']))

    def test_sw_js_loads_the_shipped_runtime_with_the_settings_baked_in(self):
        sw = read(self.root, 'sw.js').decode()
        prefix = '/* shellac sw */importScripts("'
        self.assertTrue(sw.startswith(prefix))
        runtime = sw[len(prefix):sw.index('"', len(prefix))]
        from django_shellac.build.runtime import RUNTIME_DIR
        self.assertEqual(read(self.root, runtime), read(RUNTIME_DIR, runtime))
        config = worker_config(self.root)
        self.assertEqual(list(config), ['version', 'manifest', 'offlinePage', 'appShell', 'identity', 'save', 'pages', 'directoryIndex', 'activate', 'precacheConcurrency', 'entries', 'pack'])
        self.assertEqual(config['version'], self.manifest['version'])
        self.assertEqual(config['manifest'], 'shellac-manifest.json')
        self.assertEqual(config['offlinePage'], '', 'none: the shell answers offline navigations')
        self.assertEqual(config['appShell'], {})
        self.assertEqual(config['identity'], {})
        self.assertEqual(config['save'], SHELLAC['save'])
        self.assertEqual(config['pages'], {'maxEntries': 200, 'maxAgeSeconds': 2592000, 'maxBytes': 52428800, 'networkTimeoutSeconds': 3})

    def test_the_pack_holds_every_entry(self):
        data = read(self.root, self.manifest['pack'])
        self.assertEqual(self.manifest['pack'], 'shellac-pack.%s.bin' % hashlib.sha256(data).hexdigest()[:10])
        (length,) = struct.unpack('>I', data[:4])
        index = json.loads(data[4:4 + length])
        self.assertEqual([i[0] for i in index], [e[0] for e in self.manifest['entries']])
        at = 4 + length
        for url, kind, size in index:
            body = data[at:at + size]
            at += size
            name = url[len('/static/'):] if url.startswith('/static/') else url
            self.assertEqual(body, read(self.root, name), url)
            self.assertEqual(kind, {'.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml'}[os.path.splitext(url)[1]])
        self.assertEqual(at, len(data))

    def test_the_summary_is_shellac_builds(self):
        lines = self.out.splitlines()
        self.assertRegex(lines[0], r'^shellac: built .+ in \d+ ms \(version [0-9a-f]{16}\)$')
        self.assertEqual(lines[1], '  files written   8 (0 pages with the registration script)')
        self.assertRegex(lines[2], r'^  precached       6 entries, [\d.]+ KiB$')
        self.assertEqual(lines[3], '  offline page    none (the app shell answers offline navigations)')
        self.assertRegex(lines[4], r'^  sw\.js           \d+ B gzip \(\d+ B\)$')
        self.assertRegex(lines[5], r'^  runtime         shellac-runtime\.[0-9a-f]{10}\.js, \d+ B gzip \(\d+ B\)$')
        self.assertRegex(lines[6], r'^  shellac\.js      \d+ B gzip \(\d+ B\)$')
        self.assertEqual(lines[7], '  config          settings.SHELLAC')
        self.assertEqual(self.err, '')

    def test_a_second_build_of_the_same_files_is_the_same(self):
        before = read(self.root, 'sw.js')
        build()
        self.assertEqual(read(self.root, 'sw.js'), before)


class Settings(SimpleTestCase):
    @override_settings(SHELLAC=dict(SHELLAC, offlinePage='fallback.html', precacheIgnore=['img/**'], pack=False, debug=True, statePage=False, checkSeconds=60,
                                    routes=[{'match': '/lessons/:id/clip.wav', 'strategy': 'cacheFirst', 'cacheName': 'clips'}]))
    def test_the_worker_keys_reach_sw_js(self):
        with TemporaryStaticRoot() as root:
            out, _ = build()
            manifest = built_manifest(root)
            sw = read(root, 'sw.js').decode()
            paths = staticfiles(root)
            self.assertIn('"offlinePage":"/static/%s"' % paths['fallback.html'], sw)
            self.assertIn('"routes":[{"match":"/lessons/:id/clip.wav","strategy":"cacheFirst","cacheName":"clips"}]', sw)
            self.assertIn('"debug":true,"statePage":false,"checkSeconds":60', sw)
            self.assertNotIn('pack', manifest)
            self.assertIn('"pack":false', sw)
            self.assertFalse(any('img/' in e[0] for e in manifest['entries']))
            self.assertIn(['/static/' + paths['fallback.html'], ], [e[:1] for e in manifest['entries']])
            self.assertIn('offline page    /static/', out)

    @override_settings(SHELLAC=dict(SHELLAC, maxFileSizeBytes=20))
    def test_a_file_over_the_size_limit_is_a_warning(self):
        with TemporaryStaticRoot():
            _, err = build()
            self.assertIn('shellac: warning: js/lesson.js is 0.0 KiB, above maxFileSizeBytes (0.0 KiB): not precached', err)


class BadInput(SimpleTestCase):
    def assertFails(self, code, pattern, **settings):
        with override_settings(**settings):
            with self.assertRaisesRegex(CommandError, pattern) as caught:
                build()
        self.assertEqual(caught.exception.returncode, 1)
        self.assertEqual(caught.exception.__cause__.code, code)

    def test_no_static_root(self):
        self.assertFails('static-root', '^shellac: STATIC_ROOT is not set', STATIC_ROOT=None)

    def test_no_collectstatic(self):
        with TemporaryStaticRoot(collect=False):
            with self.assertRaisesRegex(CommandError, r'staticfiles\.json does not exist: run `python manage.py collectstatic` first'):
                build()

    def test_bad_settings_name_every_key(self):
        self.assertFails('config', '2 problems in settings.SHELLAC; nothing was written:\n  SHELLAC: "pages.maxEntries" must be a whole number ≥ 1, got 0.\n  SHELLAC: "appShell.url"',
                         SHELLAC={'pages': {'maxEntries': 0}, 'appShell': {'url': 'x'}})

    def test_a_cdn_static_url(self):
        self.assertFails('static-url', 'STATIC_URL is \'https://cdn.example.com/static/\'', STATIC_URL='https://cdn.example.com/static/')

    def test_an_offline_page_that_is_not_there(self):
        with TemporaryStaticRoot() as root:
            with override_settings(SHELLAC=dict(SHELLAC, offlinePage='nowhere.html')):
                with self.assertRaisesRegex(CommandError, '"offlinePage" is not a collected static file, got \'nowhere.html\''):
                    build()
            self.assertFalse(os.path.exists(os.path.join(root, 'sw.js')))


class Progress(SimpleTestCase):
    def test_a_large_static_folder_reports_progress_as_shellac_build_does(self):
        import io

        from django_shellac.management.commands.shellac_build import Command
        err = io.StringIO()
        command = Command(stderr=err)
        on_file = command.progress()
        for done in range(1, 1201):
            on_file(done, 1024, 1200)
        self.assertEqual(err.getvalue().splitlines(), ['shellac: 1000/1200 files, 1000.0 KiB processed', 'shellac: 1200/1200 files, 1.2 MiB processed'])
        quiet = io.StringIO()
        small = Command(stderr=quiet).progress()
        for done in range(1, 100):
            small(done, 10, 99)
        self.assertEqual(quiet.getvalue(), '')
