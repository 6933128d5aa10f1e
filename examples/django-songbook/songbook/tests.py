"""The Songbook's own tests (python3 manage.py test songbook): its pages in both variants, its
media with ranges, the practice list, signing in and out, with django_shellac in place."""
import django
from django.contrib.auth.models import User
from django.test import TestCase, override_settings

from django_shellac.user_tag import derive_secret, user_tag

from .models import Lesson

PRELOAD = {'HTTP_SERVICE_WORKER_NAVIGATION_PRELOAD': 'content'}

# Pages render {% static %} without collectstatic having run: plain names, as in development.
PLAIN = 'django.contrib.staticfiles.storage.StaticFilesStorage'
plain_static = override_settings(**(
    {'STORAGES': {'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'}, 'staticfiles': {'BACKEND': PLAIN}}}
    if django.VERSION >= (4, 2) else {'STATICFILES_STORAGE': PLAIN}
))


@plain_static
class Pages(TestCase):
    def test_seeded(self):
        self.assertEqual(Lesson.objects.count(), 30)
        self.assertEqual(sorted(User.objects.values_list('username', flat=True)), ['alice', 'bob'])

    def test_every_page_in_both_variants(self):
        for path in ('/', '/lessons/1/', '/about/', '/offline/', '/accounts/login/', '/?q=joy'):
            full = self.client.get(path)
            self.assertEqual(full.status_code, 200, path)
            self.assertContains(full, 'class="site-header"')
            self.assertIn('Service-Worker-Navigation-Preload', full['Vary'])
            for content in (self.client.get(path + ('&' if '?' in path else '?') + 'from_appshell=1'), self.client.get(path, **PRELOAD)):
                self.assertEqual(content['X-Shellac-Content'], '1', path)
                self.assertNotContains(content, 'site-header')
                self.assertIn('Songbook', content['X-Shellac-Title'], path)

    def test_the_lesson_view_is_the_talks(self):
        r = self.client.get('/lessons/2/', **PRELOAD)
        self.assertEqual(r.context['base_template'], 'empty.html')
        self.assertEqual(self.client.get('/lessons/2/').context['base_template'], 'base.html')

    def test_search(self):
        self.assertContains(self.client.get('/?q=joy'), 'Ode to Joy')
        self.assertNotContains(self.client.get('/?q=joy'), 'Greensleeves')

    def test_an_unknown_lesson_is_a_404_page_in_either_variant(self):
        self.assertContains(self.client.get('/lessons/99/'), 'Page not found', status_code=404)
        r = self.client.get('/lessons/99/?from_appshell=1')
        self.assertEqual(r['X-Shellac-Content'], '1')
        self.assertEqual(r.status_code, 404)

    def test_the_shell_names_nobody(self):
        self.client.force_login(User.objects.get(username='alice'))
        shell = self.client.get('/__shell').content.decode()
        self.assertIn('<main id="content" data-shellac-content></main>', shell)
        self.assertNotIn('alice', shell)
        self.assertNotIn('csrfmiddlewaretoken', shell)


@plain_static
class Media(TestCase):
    def test_the_sheet_music(self):
        r = self.client.get('/lessons/1/sheet.svg')
        self.assertEqual(r['Content-Type'], 'image/svg+xml; charset=utf-8')
        self.assertTrue(r.content.startswith(b'<svg'))

    def test_the_clip_answers_ranges_and_validators(self):
        whole = self.client.get('/lessons/1/clip.wav')
        self.assertEqual(len(whole.content), 240044)
        self.assertEqual(whole.content[:4], b'RIFF')
        self.assertEqual(whole['Accept-Ranges'], 'bytes')
        part = self.client.get('/lessons/1/clip.wav', HTTP_RANGE='bytes=100000-100099')
        self.assertEqual(part.status_code, 206)
        self.assertEqual(part['Content-Range'], 'bytes 100000-100099/240044')
        self.assertEqual(part.content, whole.content[100000:100100])
        self.assertEqual(self.client.get('/lessons/1/clip.wav', HTTP_RANGE='bytes=-44').content, whole.content[-44:])
        self.assertEqual(self.client.get('/lessons/1/clip.wav', HTTP_RANGE='bytes=240044-').status_code, 416)
        self.assertEqual(self.client.get('/lessons/1/clip.wav', HTTP_IF_NONE_MATCH=whole['ETag']).status_code, 304)
        stale = self.client.get('/lessons/1/clip.wav', HTTP_RANGE='bytes=0-9', HTTP_IF_RANGE='"other"')
        self.assertEqual(stale.status_code, 200)


@plain_static
class People(TestCase):
    def tag(self, name):
        from django.conf import settings
        return user_tag([derive_secret(settings.SECRET_KEY)], User.objects.get(username=name).pk)

    def sign_in(self, name):
        r = self.client.post('/accounts/login/', {'username': name, 'password': 'songbook'})
        self.assertRedirects(r, '/account/', fetch_redirect_response=False)

    def test_the_account_page_says_who_and_is_tagged(self):
        self.sign_in('alice')
        r = self.client.get('/account/?from_appshell=1')
        self.assertContains(r, 'Signed in as <strong>alice</strong>', html=False)
        self.assertEqual(r['X-Shellac-User'], self.tag('alice'))
        self.assertEqual(r['Cache-Control'], 'private')

    def test_signed_out_the_account_asks_to_sign_in_and_keeps_asking_for_content(self):
        r = self.client.get('/account/?from_appshell=1')
        self.assertEqual(r.status_code, 302)
        self.assertTrue(r['Location'].startswith('/accounts/login/?next='))
        self.assertTrue(r['Location'].endswith('&from_appshell=1'))

    def test_a_wrong_password(self):
        r = self.client.post('/accounts/login/', {'username': 'alice', 'password': 'nope'})
        self.assertContains(r, 'Wrong username or password.')

    def test_the_practice_list_is_one_persons(self):
        self.sign_in('alice')
        self.client.post('/lessons/1/practice')
        self.assertContains(self.client.get('/lessons/1/'), 'In your <a href="/account/">practice list</a>', html=False)
        self.assertContains(self.client.get('/account/'), 'Ode to Joy')
        self.client.post('/accounts/logout/')
        self.sign_in('bob')
        self.assertNotContains(self.client.get('/lessons/1/'), 'In your')
        self.assertContains(self.client.get('/account/'), 'Nothing yet')

    def test_signing_out_is_a_post_that_says_anonymous(self):
        self.sign_in('bob')
        r = self.client.post('/accounts/logout/')
        self.assertEqual(r.status_code, 302)
        self.assertEqual(r['X-Shellac-User'], 'anonymous')
        self.assertEqual(self.client.get('/')['X-Shellac-User'], 'anonymous')
