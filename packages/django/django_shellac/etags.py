"""Conditional requests (``conditional-request.ts`` of ``@shellac/server``)."""


def etag_matches(if_none_match, etag):
    """The weak comparison of RFC 9110 behind every 304: ``W/"a"`` matches ``"a"``; ``*`` any."""
    if not if_none_match:
        return False
    weak = lambda tag: tag.strip()[2:] if tag.strip().startswith('W/') else tag.strip()
    return any(t.strip() == '*' or weak(t) == weak(etag) for t in if_none_match.split(','))
