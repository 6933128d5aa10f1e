"""The ``precache`` / ``precacheIgnore`` globs (``glob-to-regexp.ts`` of ``@shellac/cli``)."""
import re


def glob_to_regex(glob):
    """Compiles a glob over ``/``-separated paths: ``**`` any folders, ``*`` and ``?`` within one
    name, ``{a,b}`` alternatives. Dot files match only when the pattern names the dot."""
    out = ''
    depth = 0
    i = 0
    while i < len(glob):
        c = glob[i]
        if c == '*' and glob[i + 1:i + 2] == '*':
            slash = glob[i + 2:i + 3] == '/'
            out += '(?:[^/.][^/]*/)*' if slash else '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?'
            i += 2 if slash else 1
        elif c == '*':
            out += '(?:[^/.][^/]*)?' if i == 0 or glob[i - 1] == '/' else '[^/]*'
        elif c == '?':
            out += '[^/]'
        elif c == '{':
            out += '(?:'
            depth += 1
        elif c == '}' and depth:
            out += ')'
            depth -= 1
        elif c == ',' and depth:
            out += '|'
        else:
            out += re.sub(r'([.+^$()|\[\]\\])', r'\\\1', c)
        i += 1
    return re.compile(r'^%s\Z' % out)


def glob_filter(include, exclude=()):
    """A test over relative paths: matched by any of ``include`` and by none of ``exclude``."""
    yes = [glob_to_regex(g) for g in include]
    no = [glob_to_regex(g) for g in exclude]
    return lambda path: any(r.match(path) for r in yes) and not any(r.match(path) for r in no)
