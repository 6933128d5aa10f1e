"""``shellac_base_template`` in every template's context, for ``{% extends shellac_base_template %}``."""
from .conf import ServerOptions

PROCESSOR = 'django_shellac.context_processors.shellac'


def shellac(request):
    """``SHELLAC['emptyTemplate']`` when the request asks for the content alone, else
    ``SHELLAC['baseTemplate']`` (``empty.html`` and ``base.html`` by default)."""
    state = getattr(request, 'shellac', None)
    if state is not None:
        return {'shellac_base_template': state.base_template}
    return {'shellac_base_template': ServerOptions.from_settings().base_template}


def add_to_engines(templates):
    """Adds the processor to each Django template engine of a ``TEMPLATES`` setting, in place,
    so ``shellac_base_template`` needs no line in settings. Engines are made on first use, after
    the apps are ready: each sees the processor."""
    for engine in templates:
        if engine.get('BACKEND') != 'django.template.backends.django.DjangoTemplates':
            continue
        options = engine.setdefault('OPTIONS', {})
        processors = list(options.get('context_processors', []))
        if PROCESSOR not in processors:
            options['context_processors'] = processors + [PROCESSOR]
