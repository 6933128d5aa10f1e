"""Reads a content-only response's title from its body's head, for ``X-Shellac-Title``."""
import codecs
import itertools

from .titles import TITLE_SCAN_LIMIT, scan_title


def title_of_content(response):
    """The title of a complete body (None: it has none)."""
    found = scan_title(response.content[:TITLE_SCAN_LIMIT].decode(response.charset or 'utf-8', 'replace'))
    return None if found is Ellipsis else found


def title_of_stream(response):
    """The title of a streamed body, read no further than its head (at most 64 KiB); the chunks
    read are put back in front of the rest, so the body goes out untouched."""
    chunks = iter(response.streaming_content)
    decoder = codecs.getincrementaldecoder(response.charset or 'utf-8')('replace')
    seen, text, size, found = [], '', 0, Ellipsis
    for chunk in chunks:
        seen.append(chunk)
        size += len(chunk)
        text += decoder.decode(chunk)
        found = scan_title(text)
        if found is not Ellipsis or size >= TITLE_SCAN_LIMIT:
            break
    response.streaming_content = itertools.chain(seen, chunks)
    return None if found is Ellipsis else found


def read_title(response):
    """The title of a content-only response, or None; async streams are left unread."""
    if not response.streaming:
        return title_of_content(response)
    if getattr(response, 'is_async', False):
        return None  # an async iterator cannot be peeked at from this synchronous middleware
    return title_of_stream(response)
