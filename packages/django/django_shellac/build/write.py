"""Writes a planned build into ``STATIC_ROOT``, each file whole or not at all."""
import os
import tempfile


def write_file(folder, name, data):
    """Writes beside the target, then renames over it: a request never reads half a file."""
    fd, tmp = tempfile.mkstemp(prefix='.%s.' % name, dir=folder)
    try:
        with os.fdopen(fd, 'wb') as f:
            f.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, os.path.join(folder, name))
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write_build(folder, files):
    """Writes the files in order: the runtime, the scripts and the pack, then the manifest,
    ``sw.js`` last, so a browser that sees the new ``sw.js`` finds everything it names."""
    for name, data in files:
        write_file(folder, name, data)
