/**
 * A value as Node's `util.inspect` would show it in an assertion message, in the few shapes tests
 * compare: short values on one line, longer ones one entry per line so a diff can point at a line.
 */
export function inspect(value: unknown, options: { depth?: number; width?: number } = {}): string {
  const { depth = 4, width = 72 } = options;
  return show(value, depth, 0, new Set(), width);
}

function show(value: unknown, depth: number, indent: number, seen: Set<object>, width: number): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'symbol' || typeof value === 'boolean' || value == null) return String(value);
  if (typeof value === 'function') return `[${value.toString().startsWith('class') ? 'class' : 'Function'}: ${value.name || '(anonymous)'}]`;
  const object = value as object; // typeof is 'object' for everything left
  if (seen.has(object)) return '[Circular]';
  const special = simple(object);
  if (special !== undefined) return special;
  if (depth < 0) return Array.isArray(object) ? '[Array]' : `[${typeName(object) || 'Object'}]`;
  seen.add(object);
  try {
    const [open, close, entries] = parts(object, (v) => show(v, depth - 1, indent + 2, seen, width));
    return layout(open, close, entries, indent, width);
  } finally {
    seen.delete(object);
  }
}

function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  return q + s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}

function typeName(object: object): string {
  const proto = Object.getPrototypeOf(object) as { constructor?: { name?: string } } | null; // any prototype or none
  if (proto === null) return '[Object: null prototype]';
  const name = proto.constructor?.name ?? '';
  return name === 'Object' ? '' : name;
}

/** Objects whose useful content is not in their own properties. */
function simple(object: object): string | undefined {
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (object instanceof RegExp) return String(object);
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (typeof URL !== 'undefined' && object instanceof URL) return `URL '${object.href}'`;
  if (typeof Response !== 'undefined' && object instanceof Response) return `Response { status: ${object.status}, type: '${object.type}', url: '${object.url}' }`;
  if (typeof Request !== 'undefined' && object instanceof Request) return `Request { method: '${object.method}', url: '${object.url}' }`;
  if (object instanceof Promise) return 'Promise { <pending or settled> }';
  return undefined;
}

function parts(object: object, sub: (v: unknown) => string): [string, string, string[]] {
  const name = typeName(object);
  const prefix = name ? `${name} ` : '';
  if (Array.isArray(object)) return [name && name !== 'Array' ? `${name}(${object.length}) [` : '[', ']', [...object.map(sub), ...extraKeys(object, sub)]];
  if (object instanceof Map) return [`Map(${object.size}) {`, '}', [...object].map(([k, v]) => `${sub(k)} => ${sub(v)}`)];
  if (object instanceof Set) return [`Set(${object.size}) {`, '}', [...object].map(sub)];
  if (typeof Headers !== 'undefined' && object instanceof Headers) return ['Headers {', '}', [...object].map(([k, v]) => `${quote(k)}: ${quote(v)}`)];
  if (ArrayBuffer.isView(object)) return [`${name}(${(object as Uint8Array).length}) [`, ']', Array.from(object as Uint8Array, sub)]; // every view but DataView has length; a DataView shows as []
  return [`${prefix}{`, '}', extraKeys(object, sub)];
}

function extraKeys(object: object, sub: (v: unknown) => string): string[] {
  const record = object as Record<PropertyKey, unknown>; // reading own enumerable keys
  const keys = Object.keys(object).filter((k) => !Array.isArray(object) || !/^\d+$/.test(k));
  const symbols = Object.getOwnPropertySymbols(object).filter((s) => Object.prototype.propertyIsEnumerable.call(object, s));
  return [
    ...keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k)}: ${sub(record[k])}`),
    ...symbols.map((s) => `[${String(s)}]: ${sub(record[s])}`),
  ];
}

function layout(open: string, close: string, entries: string[], indent: number, width: number): string {
  if (!entries.length) return `${open}${close}`;
  const line = `${open} ${entries.join(', ')} ${close}`;
  if (line.length + indent <= width && !line.includes('\n')) return line;
  const pad = ' '.repeat(indent + 2);
  return `${open}\n${entries.map((e) => `${pad}${e}`).join(',\n')}\n${' '.repeat(indent)}${close}`;
}
