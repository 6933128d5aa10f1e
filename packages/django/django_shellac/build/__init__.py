"""What ``manage.py shellac_build`` makes of ``STATIC_ROOT``: the precache manifest, the pack,
``sw.js``; each rule a port of ``@shellac/cli``'s, held to it by the shared vectors."""
