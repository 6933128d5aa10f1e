"""``{% load shellac %}``: ``{% shellac_scripts %}`` and ``{% shellac_content %}…{% endshellac_content %}``."""
from django import template
from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join

from ..conf import ServerOptions
from ..protocol import CONTENT_ATTR

register = template.Library()


def script_url(name):
    try:
        return reverse('shellac:%s' % name)
    except NoReverseMatch:
        raise ImproperlyConfigured(
            "{% shellac_scripts %}: Shellac's URLs are not routed. Add "
            "`urlpatterns += [path('', include('django_shellac.urls'))]` to your root urls.py."
        )


@register.simple_tag
def shellac_scripts():
    """The scripts of the base template's ``<head>``: ``shellac.js`` (registers the worker), with
    ``SHELLAC['appShell']`` the shell loader ``shellac-shell.js``, with ``SHELLAC['save']`` the
    save buttons' ``shellac-save.js``. All deferred, in that order."""
    options = ServerOptions.from_settings()
    names = ['client'] + (['shell-client'] if options.app_shell else []) + (['save-client'] if options.save else [])
    return format_html_join('', '<script src="{}" defer></script>', ((script_url(n),) for n in names))


class ContentNode(template.Node):
    def __init__(self, nodelist, tag, attrs):
        self.nodelist = nodelist
        self.tag = tag
        self.attrs = attrs

    def render(self, context):
        tag = self.tag.resolve(context) if self.tag else 'main'
        attrs = format_html_join('', ' {}="{}"', ((k, v.resolve(context)) for k, v in self.attrs.items()))
        # The shell is this template with the region empty, whatever the blocks inside hold.
        inner = '' if context.get('shellac_shell') else self.nodelist.render(context)
        return format_html('<{0}{1} {2}>{3}</{0}>', tag, attrs, CONTENT_ATTR, inner)


@register.tag
def shellac_content(parser, token):
    """Marks the content region: ``{% shellac_content id="content" %}{% block content %}{% endblock %}{% endshellac_content %}``
    renders ``<main id="content" data-shellac-content>…</main>`` (``tag="div"`` for another
    element), empty in the shell."""
    bits = token.split_contents()[1:]
    attrs = {}
    for bit in bits:
        name, eq, value = bit.partition('=')
        if not eq or not name:
            raise template.TemplateSyntaxError('{%% shellac_content %%} takes name="value" attributes, not %r' % bit)
        attrs[name] = parser.compile_filter(value)
    tag = attrs.pop('tag', None)
    nodelist = parser.parse(('endshellac_content',))
    parser.delete_first_token()
    return ContentNode(nodelist, tag, attrs)
