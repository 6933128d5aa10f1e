/**
 * Compiles a glob over `/`-separated relative paths: `**` any folders, `*` and `?` within one
 * name, `{a,b}` alternatives. Dot files match only when the pattern names the dot.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:[^/.][^/]*/)*' : '(?:[^/.][^/]*(?:/[^/.][^/]*)*)?';
      i += slash ? 2 : 1;
    } else if (c === '*') out += glob[i - 1] === '/' || i === 0 ? '(?:[^/.][^/]*)?' : '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') (out += '(?:'), depth++;
    else if (c === '}' && depth) (out += ')'), depth--;
    else if (c === ',' && depth) out += '|';
    else out += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** A test over relative paths: included by any of `include` and by none of `exclude`. */
export function globFilter(include: string[], exclude: string[] = []): (path: string) => boolean {
  const yes = include.map(globToRegExp);
  const no = exclude.map(globToRegExp);
  return (path) => yes.some((re) => re.test(path)) && !no.some((re) => re.test(path));
}
