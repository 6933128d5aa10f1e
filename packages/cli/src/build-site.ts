import type { BuildOptions, BuildSummary } from './build-options.js';
import { ShellacCliError } from './errors.js';
import { planBuild } from './plan-build.js';
import { writeBuild } from './write-build.js';

/**
 * The error for a plan's problems: the problem itself when there is one; else a `problems` error
 * whose message lists each problem's, indented, and whose `details.problems` holds the errors.
 */
function planError(problems: ShellacCliError[]): ShellacCliError {
  if (problems.length === 1) return problems[0]!;
  // A config error lists its own problems: each counts.
  const count = problems.reduce((n, p) => n + (Array.isArray(p.details.problems) ? p.details.problems.length : 1), 0);
  const list = problems.map((p) => p.message.replace(/^/gm, '  ')).join('\n');
  return new ShellacCliError('problems', `${count} problems; nothing was written:\n${list}`, { problems });
}

/**
 * Builds a site for offline use into `outDir`: plans it ({@link planBuild}: everything is read
 * and checked, nothing written), then writes it into a temporary folder beside `outDir` that
 * replaces `outDir` only when complete. When the plan has problems it throws them all at once
 * and writes nothing; a failed build leaves the previous output intact.
 */
export async function buildSite(options: BuildOptions): Promise<BuildSummary> {
  const started = performance.now();
  const plan = await planBuild(options);
  if (!plan.ok) throw planError(plan.problems);
  await writeBuild(plan, options.onProgress);
  return { ...plan.summary, ms: Math.round(performance.now() - started) };
}
