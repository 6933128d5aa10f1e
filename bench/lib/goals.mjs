// A row's goals and how a result meets them. A row exports `goal` (its main goal, against `peer`
// or `limit`, which gives the row's `ratio`) and may export `goals`: more goals against named
// contenders of its `peers` (`{ against: 'serwist', max: 0.3, label: 'Serwist' }`). Its result may
// also carry `checks`, goals it computed itself (one per site, say): `{ label, ratio, max?, min? }`.
// The row is met when every check with a figure is met.

/** The figure of a contender: a number, or a timed summary's median. */
const figure = (v) => (v == null ? null : typeof v === 'object' ? v.median ?? null : v);

/** `ratio` against a `{ max?, min? }` goal: true, false, or null without a ratio. */
export const meets = (ratio, g) => (ratio == null ? null : (g.max == null || ratio <= g.max) && (g.min == null || ratio >= g.min));

/** The base figure a goal is against, in a result. */
function baseOf(r, against) {
  if (against === 'peer') return r.peer ?? null;
  if (against === 'limit') return r.limit ?? null;
  return figure(r.peers?.[against]);
}

/** Every check of a row's result, the main goal first: `{ label, against, ratio, max?, min?, met }`. */
export function checksOf(row, r) {
  const goals = [{ label: row.peerName ?? row.goal.against, ...row.goal }, ...(row.goals ?? [])];
  const checks = goals.map((g) => {
    const base = baseOf(r, g.against);
    const ratio = r.ours != null && base ? Number((r.ours / base).toFixed(4)) : null;
    return { label: g.label ?? g.against, against: g.against, ratio, ...(g.max != null && { max: g.max }), ...(g.min != null && { min: g.min }), met: meets(ratio, g) };
  });
  for (const c of r.checks ?? []) checks.push({ ...c, ratio: c.ratio == null ? null : Number(c.ratio.toFixed(4)), met: meets(c.ratio, c) });
  return checks;
}

/** One check's goal as text: `≤ 0.6 × Workbox`. */
export const fmtCheckGoal = (c) => [c.max != null && `≤ ${c.max} × ${c.label}`, c.min != null && `≥ ${c.min} × ${c.label}`].filter(Boolean).join(', ');
