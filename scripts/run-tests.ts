/**
 * `npm test`: every step and every suite, in order, each run even when an earlier one failed;
 * then one summary, ending with the line `tests: N passed, N failed, N skipped` over all
 * runners, and exit status 1 when anything failed.
 *
 * Steps (each counts as one check in the totals: a failed step is a failure):
 *   provision     scripts/provision-tests.sh (system tools: Chromium, xmllint, …)
 *   type check    astro check
 *   fixture site  tests/fixtures/site built into test-results/site-dist/ (npm run test:site)
 *   real site     src/content built into dist/ (npm run build)
 * Suites (their tests count; totals from their JSON reports in test-results/):
 *   vitest        unit, content, newsroom, build (fixture site) and smoke (real site) projects
 *   playwright    browser tests on the fixture site, smoke tests on the real site
 *   lighthouse    the Lighthouse gates (Playwright project "lighthouse"), run on their own
 *
 * The summary names every failed test (file, title, the first line of its error), so the end
 * of a CI log says what failed. Every step runs with SITE_URL unset (the tests expect the
 * default origin).
 * Usage: npm test   (Node ≥ 22.18 runs this file directly; npm puts Node 24 first on PATH)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { playwrightCounts, vitestCounts, type Counts, type Report } from './test-reports.ts';
import { V8_FLAGS } from '../src/build/v8-flags.ts';

interface Step {
  name: string;
  command: string[];
  /** A runner's JSON report (relative to test-results/) and how to count it; none for a plain step. */
  report?: { file: string; count: (json: unknown) => Report };
}

const root = path.resolve(import.meta.dirname, '..');
/** A runner's main process, with the V8 flags that keep Node from hanging at exit (ADR 0018). */
const runner = (cli: string, ...args: string[]) => [process.execPath, ...V8_FLAGS, path.join('node_modules', cli), ...args];
const results = path.join(root, 'test-results');

const STEPS: Step[] = [
  { name: 'provision', command: ['bash', 'scripts/provision-tests.sh'] },
  { name: 'type check', command: ['npx', '--no-install', 'astro', 'check'] },
  { name: 'fixture site build', command: ['npm', 'run', '--silent', 'test:site'] },
  { name: 'real site build', command: ['npm', 'run', '--silent', 'build'] },
  { name: 'vitest', command: runner('vitest/vitest.mjs', 'run'), report: { file: 'vitest.json', count: (json) => vitestCounts(json, root) } },
  {
    name: 'playwright',
    command: runner('@playwright/test/cli.js', 'test', '--project=chromium', '--project=smoke'),
    report: { file: 'playwright.json', count: (json) => playwrightCounts(json) },
  },
  { name: 'lighthouse', command: runner('@playwright/test/cli.js', 'test', '--project=lighthouse'), report: { file: 'lighthouse.json', count: (json) => playwrightCounts(json) } },
];

const env: NodeJS.ProcessEnv = { ...process.env, SITE_URL: '' };
fs.mkdirSync(results, { recursive: true });
const lines: string[] = [];
const failures: string[] = [];
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

for (const step of STEPS) {
  const report = step.report && path.join(results, step.report.file);
  if (report) fs.rmSync(report, { force: true });
  console.log(`\n== ${step.name}: ${step.command.map((a) => (a === process.execPath ? 'node' : a)).join(' ')}`);
  const started = performance.now();
  const run = spawnSync(step.command[0]!, step.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: step.name === 'lighthouse' ? { ...env, DATELINE_PLAYWRIGHT_REPORT: report } : env,
  });
  const seconds = Math.round((performance.now() - started) / 1000);
  const ok = run.status === 0;
  if (!step.report) {
    lines.push(`  ${step.name.padEnd(20)} ${ok ? 'ok' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds} s`);
    if (ok) total.passed++;
    else total.failed++;
    continue;
  }
  if (!fs.existsSync(report!)) {
    lines.push(`  ${step.name.padEnd(20)} FAILED: no report (exit ${run.status ?? run.signal}) in ${seconds} s`);
    total.failed++;
    continue;
  }
  const counts = step.report.count(JSON.parse(fs.readFileSync(report!, 'utf8')));
  // A runner that exits non-zero with no failed test (a crash, a failed webServer) is a failure.
  if (!ok && counts.failed === 0) counts.failed = 1;
  lines.push(`  ${step.name.padEnd(20)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds} s`);
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  failures.push(...counts.failures.map((f) => `  ${step.name}: ${f}`));
}

console.log(`\nTest summary (each build step counts as one check)\n${lines.join('\n')}`);
if (failures.length) console.log(`Failed tests:\n${failures.join('\n')}`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed ? 1 : 0);
