"""The pack of a build's precache (``write-pack.ts`` of ``@shellac/cli``): every entry's bytes
in one immutable file, for a browser's first install."""
import hashlib
import struct

from ..protocol import pack_file
from .content_types import content_type_for
from .manifest import to_json


def write_pack(planned, max_bytes):
    """``(name, bytes)`` of the pack, or None when the precache is larger than ``max_bytes`` or
    has fewer than two files. Its bytes: a 4-byte big-endian length N, N bytes of JSON index
    (``[[url, content type, length], …]``), then the bodies in the index's order."""
    total = sum(p.size for p in planned)
    if len(planned) < 2 or total > max_bytes:
        return None
    bodies = [p.body() for p in planned]
    index = [[p.entry[0], content_type_for(p.entry[0].split('?')[0].split('#')[0]), len(body)] for p, body in zip(planned, bodies)]
    head = to_json(index).encode('utf-8')
    content = struct.pack('>I', len(head)) + head + b''.join(bodies)
    return pack_file(hashlib.sha256(content).hexdigest()[:10]), content

