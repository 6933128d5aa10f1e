"""The title of a content-only page, as the shell puts it in ``document.title``.

A port of ``scan-title.ts`` of ``@shellac/server``; ``packages/protocol/vectors/titles.json``
holds both to the same answers.
"""
import re
from urllib.parse import quote

#: How much of a body is read looking for its ``<title>``.
TITLE_SCAN_LIMIT = 64 * 1024

# Enough named references for titles people write; anything else is left as written (the same
# table as the Node server, so both send the same header).
ENTITIES = {
    'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"', 'apos': "'", 'nbsp': '\u00a0', 'ndash': '–',
    'mdash': '—', 'hellip': '…', 'lsquo': '‘', 'rsquo': '’', 'ldquo': '“', 'rdquo': '”', 'laquo': '«',
    'raquo': '»', 'middot': '·', 'bull': '•', 'copy': '©', 'reg': '®', 'trade': '™', 'times': '×',
    'eacute': 'é', 'egrave': 'è', 'agrave': 'à', 'uuml': 'ü', 'ouml': 'ö', 'auml': 'ä',
}

REFERENCE = re.compile(r'&(#x[0-9a-f]+|#[0-9]+|[a-z]+);', re.IGNORECASE)
HEAD_END = re.compile(r'</head\s*>|<body\b', re.IGNORECASE)
TITLE = re.compile(r'<title\b[^>]*>([\s\S]*?)</title\s*>', re.IGNORECASE)
SPACES = re.compile(r'[\t\n\f\r ]+')
# What JavaScript's trim() removes (its WhiteSpace and LineTerminator), which Python's strip() does not all.
JS_TRIM = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'


def _reference(match):
    name = match.group(1)
    if name[0] != '#':
        return ENTITIES.get(name.lower(), match.group(0))
    code = int(name[2:], 16) if name[1] in 'xX' else int(name[1:], 10)
    return chr(code) if 0 < code <= 0x10FFFF else match.group(0)


def title_text(html):
    """The text of a ``<title>`` as ``document.title`` gives it: references decoded, spaces collapsed."""
    return SPACES.sub(' ', REFERENCE.sub(_reference, html)).strip(JS_TRIM)


def scan_title(html):
    """The ``<title>`` in the head of an HTML document.

    Its text; None when the document certainly has none (the head ended); ``...`` (Ellipsis)
    when more of the body is needed to tell.
    """
    end = HEAD_END.search(html)
    found = TITLE.search(html if end is None else html[:end.start()])
    if found:
        return title_text(found.group(1))
    return Ellipsis if end is None else None


def encode_title(title):
    """``X-Shellac-Title`` carries any Unicode title through a header: percent-encoded UTF-8,
    as JavaScript's ``encodeURIComponent`` does it."""
    return quote(title, safe="!'()*~")
