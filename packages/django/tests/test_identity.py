"""The user tag: from request.user, keyed by SECRET_KEY or SHELLAC['secret'], rotation, logout."""
import unittest

import django
from django.contrib.auth.models import User
from django.test import TestCase, override_settings

from django_shellac.user_tag import derive_secret, user_tag

from .settings import SECRET_KEY, SHELLAC

OWN_SECRET = 'own-secret-0123456789abcdef'
OLD_SECRET = 'old-secret-0123456789abcdef'


class Tags(TestCase):
    def setUp(self):
        self.alice = User.objects.create_user('alice', password='songbook')

    def tag_of(self, *secrets):
        return user_tag(list(secrets), self.alice.pk)

    def test_nobody_signed_in_is_anonymous_and_not_private(self):
        r = self.client.get('/page/')
        self.assertEqual(r['X-Shellac-User'], 'anonymous')
        self.assertNotIn('private', r.get('Cache-Control', ''))

    def test_a_signed_in_person_is_tagged_under_the_secret_derived_from_secret_key(self):
        self.client.force_login(self.alice)
        for path in ('/page/', '/page/?from_appshell=1'):
            r = self.client.get(path)
            self.assertEqual(r['X-Shellac-User'], self.tag_of(derive_secret(SECRET_KEY)), path)
            self.assertEqual(r['Cache-Control'], 'private')
            self.assertNotIn(str(self.alice.pk), r['X-Shellac-User'].split(', '))

    def test_json_and_the_shell_carry_no_tag(self):
        self.client.force_login(self.alice)
        self.assertNotIn('X-Shellac-User', self.client.get('/api/me'))
        self.assertNotIn('X-Shellac-User', self.client.get('/__shell'))

    @override_settings(SHELLAC=dict(SHELLAC, secret=OWN_SECRET))
    def test_shellac_secret_keys_the_tags_as_given(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get('/page/')['X-Shellac-User'], self.tag_of(OWN_SECRET))

    @override_settings(SHELLAC=dict(SHELLAC, secret=[OWN_SECRET, OLD_SECRET]))
    def test_a_list_rotates_the_secret_newest_first(self):
        self.client.force_login(self.alice)
        self.assertEqual(self.client.get('/page/')['X-Shellac-User'], '%s, %s' % (self.tag_of(OWN_SECRET), self.tag_of(OLD_SECRET)))

    @unittest.skipUnless(django.VERSION >= (4, 1), 'SECRET_KEY_FALLBACKS came with Django 4.1')
    def test_secret_key_fallbacks_rotate_the_derived_secret(self):
        with override_settings(SECRET_KEY_FALLBACKS=['older-key-0123456789abcdefghij']):
            self.client.force_login(self.alice)
            expected = '%s, %s' % (self.tag_of(derive_secret(SECRET_KEY)), self.tag_of(derive_secret('older-key-0123456789abcdefghij')))
            self.assertEqual(self.client.get('/page/')['X-Shellac-User'], expected)

    def test_the_view_can_name_the_person_itself(self):
        r = self.client.get('/named/?id=7')
        self.assertEqual(r['X-Shellac-User'], user_tag([derive_secret(SECRET_KEY)], '7'))

    def test_user_tag_for_tags_by_hand_with_the_sites_secret(self):
        from django_shellac.identity import user_tag_for
        self.assertEqual(user_tag_for(self.alice.pk), self.tag_of(derive_secret(SECRET_KEY)))
        self.assertEqual(user_tag_for(None), 'anonymous')
        with override_settings(SHELLAC=dict(SHELLAC, secret=OWN_SECRET)):
            self.assertEqual(user_tag_for(self.alice.pk), self.tag_of(OWN_SECRET))

    def test_an_object_is_no_id(self):
        from django.test import RequestFactory
        from django_shellac.conf import ServerOptions
        from django_shellac.request_state import ShellacRequest
        state = ShellacRequest(RequestFactory().get('/'), ServerOptions({}))
        with self.assertRaisesRegex(TypeError, 'not the user object') as caught:
            state.user(self.alice)
        self.assertEqual((caught.exception.code, caught.exception.details), ('user-id', {'value': 'User'}))


class Logout(TestCase):
    def setUp(self):
        self.alice = User.objects.create_user('alice', password='songbook')
        self.client.force_login(self.alice)

    def test_the_logout_redirect_says_anonymous(self):
        r = self.client.post('/accounts/logout/')
        self.assertEqual(r.status_code, 302)
        self.assertEqual(r['X-Shellac-User'], 'anonymous')
        self.assertNotIn('Clear-Site-Data', r)

    @override_settings(SHELLAC=dict(SHELLAC, clearSiteData=True))
    def test_clear_site_data_on_logout_when_asked(self):
        r = self.client.post('/accounts/logout/')
        self.assertEqual(r['Clear-Site-Data'], '"cache", "storage"')

    @override_settings(SHELLAC=dict(SHELLAC, clearSiteData=['cache', 'cookies']))
    def test_clear_site_data_lists_the_types_given(self):
        self.assertEqual(self.client.post('/accounts/logout/')['Clear-Site-Data'], '"cache", "cookies"')

    def test_after_the_logout_pages_are_anonymous(self):
        self.client.post('/accounts/logout/')
        self.assertEqual(self.client.get('/account/')['X-Shellac-User'], 'anonymous')
