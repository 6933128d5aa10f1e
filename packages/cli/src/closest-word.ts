/** Edit distance (Levenshtein), case-insensitive: a typo's case is as likely wrong as its letters. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      prev = next;
    }
  }
  return d[b.length]!;
}

/** The candidate nearest to `word`, when near enough to be the word meant; for "did you mean". */
export function closestWord(word: string, candidates: string[]): string | undefined {
  const best = candidates.map((c) => [c, distance(word, c)] as const).sort((a, b) => a[1] - b[1])[0];
  return best && best[1] <= Math.max(2, word.length / 3) ? best[0] : undefined;
}
