"""{% load shellac %}: shellac_scripts, shellac_content, and the shellac_base_template variable."""
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory, SimpleTestCase, override_settings
from django.template.loader import render_to_string

from .settings import TEMPLATES


def render(source, **context):
    return Template('{% load shellac %}' + source).render(Context(context))


class Scripts(SimpleTestCase):
    def test_registration_the_shell_loader_and_save_in_order(self):
        self.assertEqual(
            render('{% shellac_scripts %}'),
            '<script src="/shellac.js" defer></script><script src="/shellac-shell.js" defer></script><script src="/shellac-save.js" defer></script>',
        )

    @override_settings(SHELLAC={})
    def test_without_app_shell_or_save_only_the_registration(self):
        self.assertEqual(render('{% shellac_scripts %}'), '<script src="/shellac.js" defer></script>')

    @override_settings(ROOT_URLCONF='tests.urls_without_shellac')
    def test_unrouted_urls_say_what_to_add(self):
        with self.assertRaisesRegex(ImproperlyConfigured, "include\\('django_shellac.urls'\\)"):
            render('{% shellac_scripts %}')


class ContentRegion(SimpleTestCase):
    def test_marks_the_region(self):
        self.assertEqual(render('{% shellac_content %}<p>x</p>{% endshellac_content %}'), '<main data-shellac-content><p>x</p></main>')

    def test_attributes_and_another_element(self):
        self.assertEqual(
            render('{% shellac_content tag="div" id="content" class=kind %}x{% endshellac_content %}', kind='a&b'),
            '<div id="content" class="a&amp;b" data-shellac-content>x</div>',
        )

    def test_empty_in_the_shell(self):
        self.assertEqual(render('{% shellac_content %}<p>x</p>{% endshellac_content %}', shellac_shell=True), '<main data-shellac-content></main>')

    def test_a_bare_word_is_an_error(self):
        with self.assertRaises(TemplateSyntaxError):
            render('{% shellac_content main %}{% endshellac_content %}')


class BaseTemplateVariable(SimpleTestCase):
    def test_the_context_processor_is_added_to_the_engines(self):
        self.assertIn('django_shellac.context_processors.shellac', TEMPLATES[0]['OPTIONS']['context_processors'])

    def test_the_variable_without_the_middleware_is_the_base_template(self):
        request = RequestFactory().get('/?from_appshell=1')
        self.assertIn('<main', render_to_string('page.html', request=request))

    @override_settings(SHELLAC={'baseTemplate': 'empty.html', 'emptyTemplate': 'base.html'})
    def test_the_settings_name_the_templates(self):
        self.assertNotIn('<main', render_to_string('page.html', request=RequestFactory().get('/')))

    def test_a_new_templates_setting_gets_the_processor_too(self):
        fresh = [dict(TEMPLATES[0], OPTIONS={'context_processors': []})]
        with override_settings(TEMPLATES=fresh):
            self.assertEqual(fresh[0]['OPTIONS']['context_processors'], ['django_shellac.context_processors.shellac'])
