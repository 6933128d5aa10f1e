"""System checks: each problem of SHELLAC names its key and the bad value."""
from django.core import checks
from django.test import SimpleTestCase, override_settings

from django_shellac.checks import check_middleware, check_setting, check_storage, check_templates, check_urls


def messages(errors):
    return [e.msg for e in errors]


class Setting(SimpleTestCase):
    def test_the_test_settings_pass(self):
        self.assertEqual(checks.run_checks(), [])

    @override_settings(SHELLAC={'pages': {'maxEntries': 0}, 'activate': 'later', 'apShell': {}})
    def test_each_problem_names_the_key_and_the_value(self):
        errors = check_setting()
        self.assertEqual({e.id for e in errors}, {'django_shellac.E001'})
        self.assertEqual(messages(errors), [
            'SHELLAC: "pages.maxEntries" must be a whole number ≥ 1, got 0.',
            'SHELLAC: "activate" must be one of "immediately", "waiting", got \'later\'.',
            'SHELLAC: "apShell" is not a known key (did you mean "appShell"?).',
        ])

    @override_settings(SHELLAC={'routes': [{'match': 'a', 'strategy': 'fastest'}]})
    def test_routes_are_checked_like_shellac_config_json(self):
        self.assertIn('SHELLAC: "routes[0].strategy" must be one of', messages(check_setting())[0])

    @override_settings(SHELLAC={'secret': 'short'})
    def test_a_bad_secret_is_described_never_shown(self):
        [error] = check_setting()
        self.assertIn('"secret" must be a string of at least 16 characters', error.msg)
        self.assertIn('got a string of 5 characters', error.msg)
        self.assertNotIn('short', error.msg)

    @override_settings(SHELLAC={'clearSiteData': ['cache', 'everything'], 'baseTemplate': ''})
    def test_server_keys(self):
        self.assertEqual(messages(check_setting()), [
            'SHELLAC: "clearSiteData" must be true, false, or a list of "cache", "cookies", "storage", "executionContexts", "*", got [\'cache\', \'everything\'].',
            'SHELLAC: "baseTemplate" must be a non-empty string, got \'\'.',
        ])

    @override_settings(SHELLAC=['appShell'])
    def test_not_a_dict(self):
        self.assertEqual(messages(check_setting()), ["SHELLAC must be a dict, got ['appShell']."])


class Surroundings(SimpleTestCase):
    @override_settings(SHELLAC={'emptyTemplate': 'nowhere.html'})
    def test_a_missing_template(self):
        [error] = check_templates()
        self.assertEqual(error.id, 'django_shellac.E002')
        self.assertIn('"emptyTemplate" names the template \'nowhere.html\', which does not exist', error.msg)

    @override_settings(MIDDLEWARE=[])
    def test_the_middleware_missing(self):
        self.assertEqual([e.id for e in check_middleware()], ['django_shellac.W001'])

    @override_settings(ROOT_URLCONF='tests.urls_without_shellac')
    def test_the_urls_missing(self):
        self.assertEqual([e.id for e in check_urls()], ['django_shellac.W002'])

    def test_a_storage_without_hashed_names(self):
        import django
        storage = 'django.contrib.staticfiles.storage.StaticFilesStorage'
        setting = {'STORAGES': {'default': {'BACKEND': 'django.core.files.storage.FileSystemStorage'}, 'staticfiles': {'BACKEND': storage}}} if django.VERSION >= (4, 2) else {'STATICFILES_STORAGE': storage}
        with override_settings(**setting):
            self.assertEqual([e.id for e in check_storage()], ['django_shellac.W003'])
        self.assertEqual(check_storage(), [])
