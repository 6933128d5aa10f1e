// Writes bench/results/latest.{json,md,svg}. The SVG is a hand-written string: one horizontal
// bar per row (its ratio), a vertical line at 1.0 and a tick at each row's goal.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, ROOT } from './paths.mjs';
import { fmtCheckGoal } from './goals.mjs';

const fmtNum = (x) => (x == null ? '—' : Number(x).toLocaleString('en-US'));
export function fmt(x, unit) {
  if (x == null) return '—';
  if (unit === 'bytes') return `${fmtNum(x)} B`;
  if (unit === 'ms') return `${fmtNum(Math.round(x))} ms`;
  return `${fmtNum(x)} ${unit}`;
}
export const fmtRatio = (r) => (r == null ? '—' : r.toFixed(2));
export function fmtGoal(goal) {
  const base = goal.against === 'peer' ? 'peer' : 'limit';
  const parts = [];
  if (goal.max != null) parts.push(`≤ ${goal.max} × ${base}`);
  if (goal.min != null) parts.push(`≥ ${goal.min} × ${base}`);
  return parts.join(', ');
}
const fmtPeer = (v, unit) => (v && typeof v === 'object'
  ? `${fmt(v.median, unit)} (min ${fmt(v.min, unit)}, max ${fmt(v.max, unit)})`
  : fmt(v, unit));

export function writeJson(results) {
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
}

export function writeMarkdown(results, m) {
  const lines = [
    '# Shellac benchmarks',
    '',
    `- CPU: ${m.cpu}`,
    `- Cores: ${m.cores}`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node: ${m.node} (${m.platform})`,
    `- Load average (1 min) at start: ${m.load1}`,
    `- Date: ${m.date}`,
    '',
    'Ratio = Shellac ÷ peer (or ÷ limit when the goal is against a limit). A `≤` goal means lower is better (sizes, times);',
    'a `≥` goal means higher is better (throughput).',
    '',
    'Rows measured in an earlier run than the date above say so in the last column.',
    '',
    '| Row | Measures | Shellac | Peer | Ratios | Goals | Met | Runs | Measured |',
    '|---|---|--:|--:|--:|---|:-:|--:|---|',
  ];
  for (const r of results) {
    const range = (k) => (r.min && r.max && r[k] != null ? ` (${fmt(r.min[k], r.unit)}–${fmt(r.max[k], r.unit)})` : '');
    const limit = r.limit != null ? `limit ${fmt(r.limit, r.unit)}` : null;
    const peer = r.peer != null ? fmt(r.peer, r.unit) + range('peer') + (limit ? `; ${limit}` : '') : limit ?? '—';
    const mark = (m) => (m == null ? '—' : m ? '✅' : '❌');
    // Rows from before checks existed (kept from an older run) have the main goal only.
    const checks = r.checks ?? [{ label: r.goal.against, ratio: r.ratio, max: r.goal.max, min: r.goal.min, met: r.met }];
    const ratios = checks.map((c) => `${fmtRatio(c.ratio)} ÷ ${c.label}`).join('<br>');
    const goals = checks.map(fmtCheckGoal).join('<br>');
    const met = checks.map((c) => mark(c.met)).join('<br>');
    lines.push(`| \`${r.id}\` | ${r.what} | ${fmt(r.ours, r.unit)}${range('ours')} | ${peer} | ${ratios} | ${goals} | ${met} | ${r.runs ?? '—'} | ${r.measuredAt && r.measuredAt !== m.date ? r.measuredAt.slice(0, 10) : 'this run'} |`);
  }
  for (const r of results) {
    if (!r.peers && !r.error && !r.details?.notes) continue;
    lines.push('', `## \`${r.id}\``, '');
    if (r.error) lines.push(`**Error:** ${r.error}`, '');
    if (r.peers) {
      lines.push('| Contender | Value |', '|---|--:|');
      const ours = r.min && r.ours != null ? { median: r.ours, min: r.min.ours, max: r.max.ours } : r.ours;
      lines.push(`| Shellac | ${fmtPeer(ours, r.unit)} |`);
      for (const [k, v] of Object.entries(r.peers)) lines.push(`| ${k} | ${fmtPeer(v, r.unit)} |`);
      lines.push('');
    }
    for (const n of r.details?.notes ?? []) lines.push(`- ${n}`);
  }
  writeFileSync(join(RESULTS, 'latest.md'), lines.join('\n') + '\n');
  writePerformanceDoc(lines.slice(2));
}

/**
 * Puts the same table into docs/performance.md, between its two markers, so the page people read
 * always shows the latest run (headings one level down, under the page's own).
 */
function writePerformanceDoc(lines) {
  const doc = join(ROOT, 'docs', 'performance.md');
  if (!existsSync(doc)) return;
  const text = readFileSync(doc, 'utf8');
  const start = '<!-- bench:results -->';
  const end = '<!-- /bench:results -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b < a) return;
  const body = lines.map((l) => (l.startsWith('## ') ? `#${l}` : l)).join('\n');
  writeFileSync(doc, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`);
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

export function writeSvg(results, m) {
  const W = 760, left = 150, right = 90, top = 46, rowH = 34, barH = 18;
  const plotW = W - left - right;
  const H = top + rowH * Math.max(1, results.length) + 34;
  const goals = results.flatMap((r) => [r.goal?.max, r.goal?.min]).filter((x) => x != null);
  const xmax = Math.max(1.5, ...results.map((r) => r.ratio ?? 0), ...goals) * 1.1;
  const X = (v) => left + (v / xmax) * plotW;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${left}" y="20" font-size="14" font-weight="600">Shellac ÷ peer (lower is better, except rows marked ↑)</text>`,
    `<text x="${left}" y="36" fill="#57606a">${esc(`${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date.slice(0, 10)}`)}</text>`,
  ];
  const step = xmax > 4 ? 1 : 0.5;
  for (let v = 0; v <= xmax; v += step) {
    out.push(`<line x1="${X(v)}" y1="${top - 4}" x2="${X(v)}" y2="${H - 28}" stroke="#eaeef2"/>`);
    out.push(`<text x="${X(v)}" y="${H - 12}" text-anchor="middle" fill="#57606a">${v}</text>`);
  }
  results.forEach((r, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    // A row whose goal is only a minimum (throughput) is better the higher it goes.
    const higherIsBetter = r.goal?.min != null && r.goal?.max == null;
    out.push(`<text x="${left - 8}" y="${cy + 4}" text-anchor="end">${esc(r.id)}${higherIsBetter ? ' ↑' : ''}</text>`);
    if (r.ratio == null) {
      out.push(`<text x="${left + 6}" y="${cy + 4}" fill="#57606a">no result${r.error ? ' (error)' : ''}</text>`);
    } else {
      const fill = r.met ? '#2da44e' : '#cf222e';
      out.push(`<rect x="${left}" y="${cy - barH / 2}" width="${Math.max(1, X(r.ratio) - left)}" height="${barH}" fill="${fill}" rx="2"/>`);
      out.push(`<text x="${X(r.ratio) + 6}" y="${cy + 4}">${r.ratio.toFixed(2)}</text>`);
    }
    for (const g of [r.goal?.max, r.goal?.min].filter((x) => x != null)) {
      out.push(`<line x1="${X(g)}" y1="${y + 3}" x2="${X(g)}" y2="${y + rowH - 3}" stroke="#bf8700" stroke-width="3"><title>goal ${g}</title></line>`);
    }
  });
  out.push(`<line x1="${X(1)}" y1="${top - 4}" x2="${X(1)}" y2="${H - 28}" stroke="#24292f" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  out.push(`<text x="${W - right + 8}" y="${top + 8}" fill="#24292f">┆ 1.0 = peer</text>`);
  out.push(`<text x="${W - right + 8}" y="${top + 24}" fill="#bf8700">| goal</text>`);
  out.push('</svg>');
  writeFileSync(join(RESULTS, 'latest.svg'), out.join('\n') + '\n');
}
