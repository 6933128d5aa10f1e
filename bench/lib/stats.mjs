// Small statistics helpers for timed rows.
export function median(xs) {
  if (xs.length === 0) throw new Error('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const min = (xs) => Math.min(...xs);
export const max = (xs) => Math.max(...xs);
/** `{ median, min, max, samples }` of a list of numbers, rounded to `digits` decimals. */
export function summary(xs, digits = 1) {
  const r = (x) => Number(x.toFixed(digits));
  return { median: r(median(xs)), min: r(min(xs)), max: r(max(xs)), samples: xs.map(r) };
}

/**
 * `summaries[a].median ÷ summaries[b].median` to 3 decimals, the pairwise ratio every timed row
 * reports; null when either contender has no figure (a row that failed part-way).
 */
export function medianRatio(summaries, a, b) {
  return summaries[a] && summaries[b] ? Number((summaries[a].median / summaries[b].median).toFixed(3)) : null;
}
