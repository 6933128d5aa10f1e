/**
 * The path of an absolute URL, as `new URL(url).pathname` gives it. `owns` runs on every request
 * the application serves, and parsing a URL there cost Express about a tenth of its throughput
 * (bench: server-throughput); a plain path is sliced out instead. Anything a parser would change
 * (dot segments, escapes, backslashes, characters it would encode) still goes through the parser.
 */
export function requestPath(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1 || /[?#]/.test(url.slice(0, start))) return new URL(url).pathname;
  let end = url.length;
  for (const stop of ['?', '#']) {
    const at = url.indexOf(stop, start);
    if (at !== -1 && at < end) end = at;
  }
  const path = url.slice(start, end);
  return /^[\w\-.~/!$&'()*+,;=:@]*$/.test(path) && !path.includes('/.') ? path : new URL(url).pathname;
}
