"""What ``shellac_build`` prints: the lines ``shellac build`` prints (run.ts)."""
import gzip


def size(n):
    if n < 1024:
        return '%d B' % n
    return '%.1f KiB' % (n / 1024) if n < 1024 * 1024 else '%.1f MiB' % (n / 1024 / 1024)


def gzipped(data):
    # The size a browser downloads: a gzip header (18 bytes with no name) around deflate.
    return len(gzip.compress(data, 9, mtime=0))


def summary_lines(plan, out_dir, ms):
    """The summary: where, how long, the version; files, precache, offline page, sizes, config."""
    files = dict(plan.files)
    sw, client, runtime = files['sw.js'], files['shellac.js'], files[plan.runtime_name]
    offline = plan.config.get('offlinePage') or ('none (the app shell answers offline navigations)' if 'appShell' in plan.config else 'none')
    return [
        'shellac: built %s in %d ms (version %s)' % (out_dir, ms, plan.manifest['version']),
        '  files written   %d (0 pages with the registration script)' % len(plan.files),
        '  precached       %d entries, %s' % (len(plan.manifest['entries']), size(plan.precached_bytes)),
        '  offline page    %s' % offline,
        '  sw.js           %d B gzip (%d B)' % (gzipped(sw), len(sw)),
        '  runtime         %s, %d B gzip (%d B)' % (plan.runtime_name, gzipped(runtime), len(runtime)),
        '  shellac.js      %d B gzip (%d B)' % (gzipped(client), len(client)),
        '  config          settings.SHELLAC',
    ]
