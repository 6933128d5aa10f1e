/**
 * A line diff of two texts in Node's assertion style: `+` for lines only in `actual`, `-` for
 * lines only in `expected`, two spaces for lines both share (longest common subsequence).
 */
export function diffLines(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  // lcs[i][j]: the longest common run of a[i..] and e[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(e.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = e.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === e[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!); // both within bounds
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < e.length) {
    if (i < a.length && j < e.length && a[i] === e[j]) out.push(`  ${a[i++]}`), j++;
    else if (i < a.length && (j === e.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push(`+ ${a[i++]}`); // within bounds
    else out.push(`- ${e[j++]}`);
  }
  return out.join('\n');
}
