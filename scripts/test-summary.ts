/**
 * Print the pass/fail totals of the last `npm test` from the JSON reports that Vitest
 * (test-results/vitest.json) and Playwright (test-results/playwright.json) write, ending
 * with one line `tests: N passed, N failed, N skipped`. A suite without a report is listed
 * as "did not run" (an earlier step failed). Exit status 0 always: the tests set it.
 *
 * Usage: node scripts/test-summary.ts   (Node ≥ 22.18, e.g. `npx node`)
 */
import fs from 'node:fs';
import path from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

const dir = path.resolve(import.meta.dirname, '..', 'test-results');

function readJson(file: string): unknown {
  const full = path.join(dir, file);
  return fs.existsSync(full) ? JSON.parse(fs.readFileSync(full, 'utf8')) : undefined;
}

function vitestCounts(): Counts | undefined {
  const r = readJson('vitest.json') as
    | { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numFailedTestSuites?: number }
    | undefined;
  if (!r) return undefined;
  // A file that fails to load counts as a failed suite with no failed test: count it as one failure.
  const brokenFiles = r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(): Counts | undefined {
  const r = readJson('playwright.json') as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] } | undefined;
  if (!r) return undefined;
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + (r.errors?.length ?? 0), skipped: r.stats.skipped };
}

const suites: [string, Counts | undefined][] = [
  ['vitest (unit, content, build)', vitestCounts()],
  ['playwright (browser)', playwrightCounts()],
];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
console.log('\nTest summary');
for (const [name, counts] of suites) {
  if (!counts) {
    console.log(`  ${name.padEnd(30)} did not run`);
    continue;
  }
  console.log(`  ${name.padEnd(30)} ${counts.passed} ok · ${counts.failed} not ok · ${counts.skipped} skipped`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
