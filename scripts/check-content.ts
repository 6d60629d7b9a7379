/**
 * `npm run check:content`: validate every content file without building, and print every
 * problem, one per line, as `file:line: field: message`. Exit 0 when clean, 1 otherwise.
 * Honours `DATELINE_CONTENT_DIR` like the build.
 */
import { contentRoot } from '../src/content-paths.ts';
import { readContentTree } from '../src/content-check/read-tree.ts';
import { checkContent } from '../src/content-check/check.ts';
import { formatProblem, sortProblems } from '../src/content-check/problems.ts';

const started = performance.now();
const root = contentRoot();
const tree = readContentTree(root);
const { problems, articles } = checkContent(tree);
const ms = Math.round(performance.now() - started);
if (problems.length) {
  for (const p of sortProblems(problems)) console.error(formatProblem(p));
  console.error(`\n${problems.length} content problem(s) in ${root}; nothing was built.`);
  process.exit(1);
}
console.log(`content ok: ${articles.size} articles, ${tree.topics.length} topics, ${tree.authors.length} authors checked in ${ms} ms`);
