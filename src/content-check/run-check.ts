/**
 * Run the content check for a build or for `npm run check:content`: print the build clock,
 * every problem, and the next scheduled change.
 */
import { contentRoot } from '../content-paths.ts';
import { readContentTree } from './read-tree.ts';
import { checkContent, type CheckResult } from './check.ts';
import { formatProblem, sortProblems } from './problems.ts';
import { resolveBuildClock } from '../lib/build-clock.ts';

/**
 * Check the content tree of this build (`DATELINE_CONTENT_DIR` or `src/content`) at the
 * build clock (`DATELINE_NOW` or now).
 *
 * Side effects: pins `process.env.DATELINE_NOW` to the clock and `DATELINE_MODE` to `mode`,
 * so every later module of the build sees the same instant and mode; logs the clock and the next change to stdout; on problems,
 * prints `file:line: field: message` lines to stderr and calls `process.exit(1)`.
 *
 * @param mode - `dev` allows links to unpublished articles (the dev server shows them).
 * @param options.building - false for `npm run check:content`, which builds nothing anyway.
 */
export function runContentCheck(mode: 'build' | 'dev' = 'build', { building = true }: { building?: boolean } = {}): CheckResult {
  let now: Date;
  try {
    now = resolveBuildClock(process.env);
  } catch (error) {
    process.stderr.write(`\nDateline: ${(error as Error).message}\n\n`);
    process.exit(1);
  }
  process.env['DATELINE_NOW'] = now.toISOString();
  process.env['DATELINE_MODE'] = mode;
  console.log(`[dateline] build clock: ${now.toISOString()}`);
  const root = contentRoot();
  const result = checkContent(readContentTree(root), { now, mode });
  if (result.problems.length) {
    const lines = sortProblems(result.problems).map(formatProblem);
    const outcome = building ? 'nothing was built' : 'fix them before building';
    process.stderr.write(`\n${lines.join('\n')}\n\nDateline: the content has ${lines.length} problem(s); ${outcome}.\n`);
    process.exit(1);
  }
  const counts = countStates(result);
  console.log(`[dateline] content ok: ${counts}`);
  console.log(`[dateline] next scheduled change: ${result.nextChange ? result.nextChange.toISOString() : 'none'}`);
  return result;
}

function countStates(result: CheckResult): string {
  const by = new Map<string, number>();
  for (const a of result.articles.values()) by.set(a.state, (by.get(a.state) ?? 0) + 1);
  return [...by].map(([state, n]) => `${n} ${state}`).join(', ') + `; ${result.topicIds.size} topics, ${result.authorIds.size} authors`;
}
