import { RESERVED_PATH, STATE_PATH, type StatusReply } from '@shellac/protocol';
import type { Unit } from '../core/unit.js';

export interface StateUnitOptions {
  scope: URL;
  /** Serve the state page (config `statePage`, default true). */
  enabled: boolean;
  /** What the worker says of itself (the `status` reply, gathered from every unit). */
  status(): Promise<StatusReply>;
}

/** The state page's text: the status in three sections, one `key: value` per line, nested by indent. */
function text(s: StatusReply): string {
  const lines: string[] = [];
  const walk = (value: object, indent: string) => {
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      if (v && typeof v === 'object') lines.push(indent + key), walk(v, `${indent}  `);
      else lines.push(`${indent}${key}: ${key === 'at' ? new Date(v).toISOString() : v}`);
    }
  };
  const { version, safeMode, checked, installFailed, tabs, caches, user, saved, debug, log } = s;
  walk({ Versions: { version, safeMode, checked, installFailed, tabs }, Storage: { caches, user, saved }, Log: { debug, log } }, '');
  return `Shellac ${s.scope}\n${lines.join('\n')}\n`;
}

/**
 * The state page, `<scope>__shellac/state`, answered by the worker (`?json` for JSON): what a
 * person debugging a visitor's browser needs, with nothing of anyone else's data. On by default.
 * Every other URL under `<scope>__shellac/` is one of Shellac's keys, never a real request: left
 * to the browser.
 */
export function stateUnit(options: StateUnitOptions): Unit {
  const reserved = options.scope.href + RESERVED_PATH;
  const page = options.scope.href + STATE_PATH;
  return {
    route(request, url) {
      if (!url.href.startsWith(reserved)) return undefined;
      if (!options.enabled || request.method !== 'GET' || url.origin + url.pathname !== page) return false;
      return {
        name: 'state',
        async handler(ctx) {
          const status = await options.status();
          const json = ctx.url.searchParams.has('json');
          return new Response(json ? JSON.stringify(status, null, 2) : text(status), {
            headers: { 'Content-Type': json ? 'application/json' : 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
          });
        },
      };
    },
  };
}

