/**
 * What `npm test` prints about failed tests (scripts/test-reports.ts), from small reports in the
 * shape Vitest's and Playwright's JSON reporters write.
 */
import { describe, expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from '../../scripts/test-reports.ts';

describe('the test summary', () => {
  it('names each failed Vitest test by file and full name, with the first line of its error, colour codes removed; a file that failed to load by its message', () => {
    const report = {
      numPassedTests: 1,
      numFailedTests: 1,
      numPendingTests: 0,
      numTodoTests: 0,
      numFailedTestSuites: 2,
      testResults: [
        {
          name: '/repo/tests/unit/a.test.ts',
          status: 'failed',
          assertionResults: [
            { fullName: 'urls topicPath works', status: 'failed', failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.test.ts:3:1'] },
            { fullName: 'urls other', status: 'passed' },
          ],
        },
        { name: '/repo/tests/unit/b.test.ts', status: 'failed', message: '\nFailed to load url ./missing.ts', assertionResults: [] },
      ],
    };
    const r = vitestCounts(report, '/repo');
    expect(r).toMatchObject({ passed: 1, failed: 1, skipped: 0 });
    expect(r.failures).toEqual([
      'tests/unit/a.test.ts › urls topicPath works: AssertionError: expected 1 to be 2',
      'tests/unit/b.test.ts: Failed to load url ./missing.ts',
    ]);
  });

  it('names failed and flaky Playwright tests in nested suites by spec file, line and project, and errors outside any test', () => {
    const spec = (title: string, line: number, status: string, message?: string) => ({
      title,
      file: 'search.spec.ts',
      line,
      tests: [{ projectName: 'chromium', status, results: [message ? { error: { message } } : {}] }],
    });
    const report = {
      stats: { expected: 1, unexpected: 1, flaky: 1, skipped: 0 },
      errors: [{ message: 'Error: webServer exited early' }],
      suites: [
        {
          title: 'search.spec.ts',
          specs: [spec('finds Putin', 10, 'expected')],
          suites: [{ title: 'drafts', specs: [spec('hides drafts', 20, 'unexpected', 'Error: expect(locator).toHaveCount(0) failed\n\nLocator: li'), spec('year filter', 30, 'flaky', 'Error: timeout')] }],
        },
      ],
    };
    const r = playwrightCounts(report);
    expect(r).toMatchObject({ passed: 1, failed: 3, skipped: 0 });
    expect(r.failures).toEqual([
      '(outside any test): Error: webServer exited early',
      'tests/e2e/search.spec.ts:20 › [chromium] hides drafts: Error: expect(locator).toHaveCount(0) failed',
      'tests/e2e/search.spec.ts:30 › [chromium] year filter (flaky): Error: timeout',
    ]);
  });
});
