/**
 * A URL path prefix as `/a/b/`: one leading and one trailing slash, whatever was typed
 * (`static`, `/static`, `static/`, `` → `/static/`, `/`).
 */
export function normalizeBase(base: string): string {
  const inner = base.replace(/^\/+|\/+$/g, '');
  return inner ? `/${inner}/` : '/';
}
