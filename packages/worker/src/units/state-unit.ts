import { RESERVED_PATH, STATE_PATH, type StatusReply } from '@shellac/protocol';
import type { Unit } from '../core/unit.js';

export interface StateUnitOptions {
  scope: URL;
  /** Serve the state page (config `statePage`, default true). */
  enabled: boolean;
  /** What the worker says of itself (the `status` reply, gathered from every unit). */
  status(): Promise<StatusReply>;
}

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`);
const time = (at: number | undefined) => (at ? new Date(at).toISOString() : 'never');

/** The state page as plain text: versions, storage, then the log. */
function text(s: StatusReply): string {
  const lines = [`Shellac ${s.scope}`, '', 'Versions', `  version        ${s.version}${s.safeMode ? `  (safe mode: ${s.safeMode}; files come from the network)` : ''}`];
  lines.push(`  update check   ${time(s.checked?.at)}${s.checked ? `: ${s.checked.outcome}${s.checked.detail ? ` (${s.checked.detail})` : ''}` : ''}`);
  if (s.installFailed) {
    lines.push(`  install failed ${s.installFailed.version} at ${time(s.installFailed.at)}`);
    for (const f of s.installFailed.failures) lines.push(`    ${f.url}: ${f.reason}`);
  }
  for (const [tab, version] of Object.entries(s.tabs ?? {})) lines.push(`  open page      ${tab} on ${version}`);
  lines.push('', 'Storage');
  for (const c of s.caches ?? []) lines.push(`  ${c.name}  ${c.entries} entries, ${bytes(c.bytes)}`);
  lines.push(`  person         ${s.user ?? 'none (identity off)'}`);
  if (s.saved !== undefined) lines.push(`  saved items    ${s.saved}`);
  lines.push(`  debug channel  ${s.debug ? 'on' : 'off'}`, '', 'Log (recent, while the debug channel is on)', ...(s.log ?? []).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
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

