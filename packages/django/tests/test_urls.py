"""django_shellac.urls: sw.js, the scripts, the manifest, the runtime and pack, the shell, the state page."""
import hashlib
import os
import re

from django.contrib.auth.models import User
from django.test import TestCase

from .helpers import TemporaryStaticRoot, build


class BuildFiles(TestCase):
    def setUp(self):
        self.static = TemporaryStaticRoot()
        self.root = self.static.__enter__()
        build()

    def tearDown(self):
        self.static.__exit__()

    def test_sw_js_is_revalidated_and_may_control_the_whole_site(self):
        r = self.client.get('/sw.js')
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r['Content-Type'], 'text/javascript; charset=utf-8')
        self.assertEqual(r['Cache-Control'], 'no-cache')
        self.assertEqual(r['Service-Worker-Allowed'], '/')
        self.assertNotIn('Content-Disposition', r)
        self.assertTrue(b''.join(r.streaming_content).startswith(b'/* shellac sw */importScripts("shellac-runtime.'))

    def test_the_scripts_and_manifest_are_revalidated(self):
        for path, kind in (('/shellac.js', 'text/javascript'), ('/shellac-shell.js', 'text/javascript'),
                           ('/shellac-save.js', 'text/javascript'), ('/shellac-clear.js', 'text/javascript'),
                           ('/shellac-manifest.json', 'application/json')):
            r = self.client.get(path)
            self.assertEqual(r.status_code, 200, path)
            self.assertTrue(r['Content-Type'].startswith(kind), path)
            self.assertEqual(r['Cache-Control'], 'no-cache', path)
            self.assertNotIn('Service-Worker-Allowed', r)
            self.assertNotIn('X-Shellac-User', r)

    def test_the_runtime_and_pack_are_immutable(self):
        names = [n for n in os.listdir(self.root) if re.match(r'shellac-(runtime|pack)\.', n)]
        self.assertEqual(len(names), 2)
        for name in names:
            r = self.client.get('/' + name)
            self.assertEqual(r.status_code, 200, name)
            self.assertEqual(r['Cache-Control'], 'public, max-age=31536000, immutable')

    def test_etag_304_and_head(self):
        r = self.client.get('/sw.js')
        again = self.client.get('/sw.js', HTTP_IF_NONE_MATCH=r['ETag'])
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again['Cache-Control'], 'no-cache')
        head = self.client.head('/shellac.js')
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head.content, b'')
        self.assertEqual(int(head['Content-Length']), os.path.getsize(os.path.join(self.root, 'shellac.js')))

    def test_only_get_and_head(self):
        for path in ('/sw.js', '/shellac.js', '/__shell', '/__shellac/state'):
            r = self.client.post(path)
            self.assertEqual(r.status_code, 405, path)
            self.assertEqual(r['Allow'], 'GET, HEAD')

    def test_a_missing_file_says_what_to_run(self):
        os.remove(os.path.join(self.root, 'sw.js'))
        r = self.client.get('/sw.js')
        self.assertEqual(r.status_code, 404)
        self.assertIn(b'shellac_build', r.content)
        self.assertEqual(self.client.get('/shellac-runtime.0000000000.js').status_code, 404)

    def test_the_state_page_tells_what_is_deployed_when_no_worker_answers(self):
        r = self.client.get('/__shellac/state')
        self.assertEqual(r['Cache-Control'], 'no-store')
        self.assertIn(b'answered by the server', r.content)
        manifest = self.client.get('/shellac-manifest.json')
        import json
        version = json.loads(b''.join(manifest.streaming_content))['version']
        data = self.client.get('/__shellac/state?json').json()
        self.assertEqual(data['version'], version)
        self.assertEqual(data['answeredBy'], 'server')
        self.assertTrue(data['runtime'].startswith('shellac-runtime.'))
        # The entries and the pack are read from sw.js, which carries them.
        self.assertGreater(data['entries'], 0)
        self.assertTrue(data['pack'].startswith('shellac-pack.'))


class Shell(TestCase):
    def test_the_shell_is_the_base_template_with_an_empty_region(self):
        r = self.client.get('/__shell')
        html = r.content.decode()
        self.assertIn('<main id="content" data-shellac-content></main>', html)
        self.assertNotIn('Default content', html)
        self.assertIn('<script src="/shellac-shell.js" defer></script>', html)

    def test_it_is_versioned_by_its_hash_and_answers_304(self):
        r = self.client.get('/__shell')
        digest = hashlib.sha256(r.content).hexdigest()[:16]
        self.assertEqual(r['X-Shellac-Shell'], digest)
        self.assertEqual(r['ETag'], '"%s"' % digest)
        self.assertEqual(r['Cache-Control'], 'no-cache')
        again = self.client.get('/__shell', HTTP_IF_NONE_MATCH='"%s"' % digest)
        self.assertEqual(again.status_code, 304)
        self.assertEqual(again['X-Shellac-Shell'], digest)

    def test_it_is_the_same_for_everyone(self):
        anonymous = self.client.get('/__shell').content
        self.client.force_login(User.objects.create_user('alice', password='songbook'))
        r = self.client.get('/__shell')
        self.assertEqual(r.content, anonymous)
        self.assertNotIn('X-Shellac-User', r)
        self.assertNotIn('alice', r.content.decode())
