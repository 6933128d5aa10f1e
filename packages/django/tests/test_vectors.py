"""The shared vectors in packages/protocol/vectors: the same bytes as the TypeScript packages."""
import base64
import hashlib
import json
import os

from django.test import SimpleTestCase

from django_shellac import protocol
from django_shellac.build.content_types import content_type_for
from django_shellac.build.globs import glob_to_regex
from django_shellac.build.manifest import hash_of_bytes, is_hashed_name, to_json, version_of
from django_shellac.config_problems import config_problems
from django_shellac.titles import encode_title, scan_title
from django_shellac.user_tag import derive_secret, user_tag

VECTORS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), 'protocol', 'vectors')


def vectors(name):
    with open(os.path.join(VECTORS, name), encoding='utf-8') as f:
        return json.load(f)


class Vectors(SimpleTestCase):
    def test_names(self):
        names = vectors('names.json')
        for key in ('APPSHELL_PARAM', 'HEADER', 'PRELOAD_CONTENT', 'ANONYMOUS', 'SHELL_PATH', 'CONTENT_ATTR', 'STATE_PATH',
                    'RESERVED_PATH', 'FILES', 'RUNTIME_GLOBAL', 'HASH_LENGTH', 'LOGOUT_PATHS'):
            self.assertEqual(getattr(protocol, key), names[key], key)
        for digest, name in names['runtimeFile']:
            self.assertEqual(protocol.runtime_file(digest), name)
        for digest, name in names['packFile']:
            self.assertEqual(protocol.pack_file(digest), name)
        for name, built in names['isBuildHashedFile']:
            self.assertEqual(protocol.is_build_hashed_file(name), built, name)

    def test_user_tags_are_the_bytes_of_shellac_server(self):
        v = vectors('user-tags.json')
        for t in v['tags']:
            self.assertEqual(user_tag([t['secret']], t['id']), t['tag'], t)
        for r in v['rotations']:
            self.assertEqual(user_tag(r['secrets'], r['id']), r['header'], r)
        for d in v['derivations']:
            self.assertEqual(derive_secret(d['secretKey']), d['secret'])
            self.assertEqual(user_tag([d['secret']], d['id']), d['tag'])

    def test_the_derivation_is_djangos_salted_hmac(self):
        from django.utils.crypto import salted_hmac
        for d in vectors('user-tags.json')['derivations']:
            self.assertEqual(salted_hmac('django_shellac.user_tag', '', secret=d['secretKey'], algorithm='sha256').hexdigest(), d['secret'])

    def test_titles(self):
        for t in vectors('titles.json')['titles']:
            found = scan_title(t['html'])
            found = None if found is Ellipsis else found
            self.assertEqual(found, t['title'], t['html'])
            self.assertEqual(encode_title(found) if found else None, t['header'], t['html'])

    def test_manifest(self):
        v = vectors('manifest.json')
        for b in v['bodies']:
            data = b['text'].encode('utf-8') if 'text' in b else base64.b64decode(b['base64'])
            self.assertEqual(hash_of_bytes(data), b['hash'])
        for m in v['versions']:
            self.assertEqual(to_json(m['entries']), m['json'])
            self.assertEqual(version_of(m['entries']), m['version'])
            self.assertEqual(hashlib.sha256(m['json'].encode()).hexdigest()[:16], m['version'])
        for n in v['names']:
            self.assertEqual(is_hashed_name(n['path']), n['hashed'], n['path'])

    def test_content_types(self):
        for t in vectors('content-types.json')['types']:
            self.assertEqual(content_type_for(t['file']), t['type'], t['file'])

    def test_globs(self):
        for g in vectors('globs.json')['globs']:
            self.assertEqual(bool(glob_to_regex(g['glob']).match(g['path'])), g['match'], g)

    def test_config_problems(self):
        for c in vectors('config-problems.json')['configs']:
            self.assertEqual(config_problems(c['config']), c['problems'], c['config'])
