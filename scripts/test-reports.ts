/**
 * What `npm test` reads from the test runners' JSON reports (scripts/run-tests.ts): the counts
 * and, for each failed test, one line naming it — `file › title: first line of the error` — so
 * the end of a CI log says what failed.
 */
import path from 'node:path';
import { stripAnsi } from '../src/build/build-log.ts';

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

/** A runner's counts and, for each failed test, `file › title: first line of the error`. */
export interface Report extends Counts {
  failures: string[];
}

/** The first non-empty line of an error message, without colour codes, at most 240 characters. */
function firstLine(message: string | undefined): string {
  const line = stripAnsi(message ?? '').split('\n').find((l) => l.trim()) ?? '(no message)';
  return line.trim().slice(0, 240);
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites?: number;
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
}

/**
 * Counts and failures of a Vitest JSON report (`--reporter=json`); file paths are given
 * relative to `root`.
 */
export function vitestCounts(json: unknown, root: string): Report {
  const r = json as VitestJson;
  // A file that fails to load counts as a failed suite with no failed test: count it as one failure.
  const brokenFiles = r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0;
  const failures: string[] = [];
  for (const file of r.testResults) {
    const failed = file.assertionResults.filter((t) => t.status === 'failed');
    for (const t of failed) failures.push(`${path.relative(root, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    if (!failed.length && file.status === 'failed') failures.push(`${path.relative(root, file.name)}: ${firstLine(file.message)}`);
  }
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests, failures };
}

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
}

/**
 * Counts and failures of a Playwright JSON report; flaky tests count as failed. `testDir` is
 * the spec folder as the report's `file` fields are relative to it (tests/e2e).
 */
export function playwrightCounts(json: unknown, testDir = 'tests/e2e'): Report {
  const r = json as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: { message?: string }[]; suites?: PlaywrightSuite[] };
  const failures: string[] = (r.errors ?? []).map((e) => `(outside any test): ${firstLine(e.message)}`);
  const walk = (suite: PlaywrightSuite): void => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const error = t.results.find((res) => res.error)?.error?.message;
        failures.push(`${testDir}/${spec.file}:${spec.line} › [${t.projectName}] ${spec.title}${t.status === 'flaky' ? ' (flaky)' : ''}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of r.suites ?? []) walk(suite);
  return { passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky + (r.errors?.length ?? 0), skipped: r.stats.skipped, failures };
}
