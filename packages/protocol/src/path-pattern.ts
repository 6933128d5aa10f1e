/** A path pattern compiled to a regular expression over the URL path, with its parameter names. */
export interface PathPattern {
  /** Matches a whole URL path; group i + 1 captures `names[i]`. */
  regex: RegExp;
  names: string[];
}

/**
 * Compiles a route's path pattern: `:name` captures one path segment, `*` anything (as `*`), the
 * rest is literal. The pattern is a URL path (already resolved against the scope). Throws
 * `SyntaxError` when the result is not a valid expression.
 */
export function compilePathPattern(path: string): PathPattern {
  const names: string[] = [];
  const source = path
    .split(/(:[A-Za-z_][A-Za-z0-9_]*|\*)/)
    .map((part) => {
      if (part === '*') return names.push('*'), '(.*)';
      if (part.startsWith(':')) return names.push(part.slice(1)), '([^/]+)';
      return part.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { regex: new RegExp(`^${source}$`), names };
}
