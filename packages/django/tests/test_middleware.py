"""ShellacMiddleware: the content-only choice, Vary, the content marker and title, redirects."""
from django.test import TestCase, override_settings

PRELOAD = {'HTTP_SERVICE_WORKER_NAVIGATION_PRELOAD': 'content'}
TITLE = 'Lesson%203%20%E2%80%93%20Scales%20%26%20Modes'


class ContentOnlyChoice(TestCase):
    def test_the_talks_view_renders_the_full_page_without_the_parameter(self):
        r = self.client.get('/lessons/3/')
        self.assertContains(r, '<main id="content" data-shellac-content><h1>Lesson 3</h1></main>', html=False)
        self.assertNotIn('X-Shellac-Content', r)

    def test_the_talks_view_renders_the_content_alone_with_the_parameter(self):
        r = self.client.get('/lessons/3/?from_appshell=1')
        self.assertEqual(r.content.decode().count('<main'), 0)
        self.assertIn('<body><h1>Lesson 3</h1></body>', r.content.decode())
        self.assertEqual(r['X-Shellac-Content'], '1')

    def test_the_talks_view_renders_the_content_alone_for_the_preload_header(self):
        r = self.client.get('/lessons/3/', **PRELOAD)
        self.assertIn('<body><h1>Lesson 3</h1></body>', r.content.decode())
        self.assertEqual(r['X-Shellac-Content'], '1')
        self.assertEqual(r['X-Shellac-Title'], TITLE)

    def test_another_preload_value_asks_for_the_page(self):
        r = self.client.get('/lessons/3/', HTTP_SERVICE_WORKER_NAVIGATION_PRELOAD='true')
        self.assertIn('<main', r.content.decode())
        self.assertNotIn('X-Shellac-Content', r)

    def test_shellac_base_template_follows_the_choice(self):
        self.assertIn('<main', self.client.get('/page/').content.decode())
        self.assertNotIn('<main', self.client.get('/page/?from_appshell=1').content.decode())
        self.assertNotIn('<main', self.client.get('/page/', **PRELOAD).content.decode())

    def test_request_shellac_says_what_was_asked(self):
        r = self.client.get('/page/', **PRELOAD)
        state = r.wsgi_request.shellac
        self.assertTrue(state.content_only)
        self.assertFalse(state.by_param)
        self.assertEqual(state.base_template, 'empty.html')
        self.assertEqual(r.wsgi_request.GET['from_appshell'], '1')


class Headers(TestCase):
    def test_every_html_response_varies_on_the_preload_header(self):
        for path in ('/page/', '/page/?from_appshell=1', '/missing/', '/missing/?from_appshell=1'):
            r = self.client.get(path)
            self.assertIn('Service-Worker-Navigation-Preload', r['Vary'], path)

    def test_vary_is_merged_once(self):
        r = self.client.get('/page/')
        tokens = [t.strip().lower() for t in r['Vary'].split(',')]
        self.assertEqual(tokens.count('service-worker-navigation-preload'), 1)
        self.assertIn('cookie', tokens)

    def test_other_types_are_left_alone(self):
        r = self.client.get('/api/me?from_appshell=1')
        self.assertNotIn('X-Shellac-Content', r)
        self.assertNotIn('Service-Worker-Navigation-Preload', r.get('Vary', ''))
        self.assertNotIn('X-Shellac-User', r)

    def test_the_title_comes_from_the_head_percent_encoded(self):
        self.assertEqual(self.client.get('/lessons/3/?from_appshell=1')['X-Shellac-Title'], TITLE)

    def test_the_apps_own_title_wins(self):
        self.assertEqual(self.client.get('/titled/?from_appshell=1')['X-Shellac-Title'], 'Own%20title')

    def test_a_streamed_body_is_read_for_its_title_and_passed_on_whole(self):
        r = self.client.get('/stream/?from_appshell=1')
        self.assertEqual(r['X-Shellac-Title'], 'Streamed%20%26%20slow')
        body = b''.join(r.streaming_content).decode()
        self.assertEqual(body, '<!doctype html><html><head><title>Streamed &amp; slow</title></head><body><p>one</p><p>two</p></body></html>')

    def test_a_404_content_is_marked_too(self):
        r = self.client.get('/missing/?from_appshell=1')
        self.assertEqual(r.status_code, 404)
        self.assertEqual(r['X-Shellac-Content'], '1')


class Redirects(TestCase):
    def test_a_content_request_redirected_keeps_asking_for_content(self):
        r = self.client.get('/go/page/?from_appshell=1')
        self.assertEqual(r['Location'], '/page/?from_appshell=1')

    def test_the_targets_query_keeps_its_bytes(self):
        r = self.client.get('/go/page/%3Fnext%3D/a%2520b?from_appshell=1')
        self.assertEqual(r['Location'], '/page/?next=/a%20b&from_appshell=1')

    def test_an_absolute_url_on_this_site_keeps_asking(self):
        r = self.client.get('/go/http://testserver/page/?from_appshell=1')
        self.assertEqual(r['Location'], 'http://testserver/page/?from_appshell=1')

    def test_another_site_is_left_alone(self):
        r = self.client.get('/go/https://example.com/x?from_appshell=1')
        self.assertEqual(r['Location'], 'https://example.com/x')

    def test_a_page_request_redirected_asks_for_a_page(self):
        self.assertEqual(self.client.get('/go/page/')['Location'], '/page/')

    def test_append_slash_keeps_the_parameter(self):
        r = self.client.get('/page?from_appshell=1')
        self.assertEqual(r.status_code, 301)
        self.assertIn('from_appshell=1', r['Location'])

    def test_a_content_url_opened_as_a_page_goes_to_the_page(self):
        r = self.client.get('/lessons/3/?a=1&from_appshell=1&b=2', HTTP_SEC_FETCH_DEST='document')
        self.assertEqual(r.status_code, 302)
        self.assertEqual(r['Location'], '/lessons/3/?a=1&b=2')
        self.assertEqual(r['Vary'], 'Service-Worker-Navigation-Preload')

    def test_the_loader_and_the_preload_still_get_the_content(self):
        self.assertEqual(self.client.get('/lessons/3/?from_appshell=1', HTTP_SEC_FETCH_DEST='empty').status_code, 200)
        r = self.client.get('/lessons/3/?from_appshell=1', HTTP_SEC_FETCH_DEST='document', **PRELOAD)
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r['X-Shellac-Content'], '1')


@override_settings(MIDDLEWARE=['django_shellac.middleware.ShellacMiddleware'])
class WithoutAuthentication(TestCase):
    def test_without_request_user_nothing_is_tagged(self):
        r = self.client.get('/lessons/3/')
        self.assertNotIn('X-Shellac-User', r)
        self.assertEqual(r['Vary'], 'Service-Worker-Navigation-Preload')
