/**
 * Run the content check for the build: print every problem and exit with status 1 before
 * Astro renders anything, so a bad article never yields a half-right site.
 */
import { contentRoot } from '../content-paths.ts';
import { readContentTree } from './read-tree.ts';
import { checkContent, type CheckResult } from './check.ts';
import { formatProblem, sortProblems } from './problems.ts';

/**
 * Check the content tree of this build (`DATELINE_CONTENT_DIR` or `src/content`).
 * On any problem: prints `file:line: field: message` lines to stderr and calls `process.exit(1)`.
 * @returns the check result when the content is valid.
 */
export function checkContentOrExit(): CheckResult {
  const root = contentRoot();
  const result = checkContent(readContentTree(root));
  if (result.problems.length) {
    const lines = sortProblems(result.problems).map(formatProblem);
    process.stderr.write(`\nDateline: the content has ${lines.length} problem(s); nothing was built.\n\n${lines.join('\n')}\n\n`);
    process.exit(1);
  }
  return result;
}
