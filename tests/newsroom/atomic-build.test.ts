/**
 * Atomic output: `npm run build` (scripts/build.ts) over a good output folder is stopped at
 * three moments — early (content check), during page generation, during the final checks —
 * and crashed (Astro killed with SIGKILL), and fails on bad content; each time the previous
 * output must be byte-identical afterwards, with no staging folder beside it and no
 * `.prerender` in it. The content is a generated 1,000-article tree (bench/generate-corpus.ts),
 * large enough that each moment lasts seconds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.ts';
import { cacheDirOf, hashTree, runBuild, startBuild } from './build-runner.ts';

const NOW = '2026-06-01T00:00:00Z';
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-atomic-'));
const content = path.join(tree, 'content');
const out = path.join(tree, 'out');
let good: Record<string, string>;

beforeAll(() => {
  generateCorpus({ n: 1000, seed: 7, out: content });
  const first = runBuild(content, out, NOW);
  expect(first.status, first.log).toBe(0);
  good = hashTree(out);
}, 180_000);

afterAll(() => {
  fs.rmSync(tree, { recursive: true, force: true });
  fs.rmSync(cacheDirOf(content), { recursive: true, force: true });
});

/**
 * Start a build and, on the first log line for which `when` is true, do `act` to it (send a
 * signal). Resolves with the exit code (or the signal), the log, and whether `act` ran.
 */
function interrupt(when: (line: string, count: number) => boolean, act: (pid: number) => void): Promise<{ code: number | null; log: string; acted: boolean }> {
  return new Promise((resolve) => {
    const child = startBuild(content, out, NOW);
    let log = '';
    let acted = false;
    let count = 0;
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        log += `${line}\n`;
        count++;
        if (!acted && when(line, count)) {
          acted = true;
          act(child.pid!);
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 + os.constants.signals[signal] : null), log: log + pending, acted }));
  });
}

function expectUntouched(log: string): void {
  expect(hashTree(out), 'the previous output changed').toEqual(good);
  expect(fs.existsSync(path.join(tree, '.out.staging')), 'a staging folder was left beside the output').toBe(false);
  expect(fs.existsSync(path.join(out, '.prerender')), 'the output holds .prerender').toBe(false);
  expect(log).toContain('out/ was left as it was');
}

/** The page lines Astro prints while generating (`├─ /articles/x/index.html`). */
const PAGE_LINE = /├─ \//;
let pageLines = 0;

describe('a build stopped or crashed over a good output leaves it byte-identical', () => {
  it('SIGTERM early, during the content check', async () => {
    const r = await interrupt((line) => line.includes('[dateline] build clock'), (pid) => process.kill(pid, 'SIGTERM'));
    expect(r.acted).toBe(true);
    expect(r.code, r.log).toBe(143);
    expect(r.log).toContain('stopped by SIGTERM');
    expectUntouched(r.log);
  }, 120_000);

  it('SIGTERM during page generation (after 50 pages)', async () => {
    const r = await interrupt((line) => PAGE_LINE.test(line) && ++pageLines === 50, (pid) => process.kill(pid, 'SIGTERM'));
    expect(r.acted).toBe(true);
    expect(r.code, r.log).toBe(143);
    expectUntouched(r.log);
  }, 120_000);

  it('SIGINT (Ctrl-C) during the final checks of the output', async () => {
    const r = await interrupt((line) => line.includes('[dateline] checking the output'), (pid) => process.kill(pid, 'SIGINT'));
    expect(r.acted).toBe(true);
    expect(r.code, r.log).toBe(130);
    expect(r.log).toContain('stopped by SIGINT');
    expectUntouched(r.log);
  }, 120_000);

  it('a crash: Astro killed with SIGKILL during page generation', async () => {
    let pages = 0;
    const r = await interrupt(
      (line) => PAGE_LINE.test(line) && ++pages === 50,
      (pid) => {
        // The wrapper's child is the Astro process (its own process group).
        const astro = Number(execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n')[0]);
        process.kill(astro, 'SIGKILL');
      },
    );
    expect(r.acted).toBe(true);
    expect(r.code, r.log).not.toBe(0);
    expect(r.log).toContain('astro build was killed by SIGKILL');
    expectUntouched(r.log);
  }, 120_000);

  it('bad content: the check fails and nothing changes', async () => {
    const bad = path.join(content, 'articles', 'zz-bad-date.md');
    fs.writeFileSync(bad, '---\nheadline: "Bad"\nstandfirst: "Bad date"\ntopics: [australia-climate]\npublishedAt: "2026-01-01T09:00:00"\n---\nBody.\n');
    try {
      const r = runBuild(content, out, NOW);
      expect(r.status).toBe(1);
      expect(r.log).toMatch(/zz-bad-date\.md:\d+: publishedAt: /);
      // The wrapper says what failed: the content check, not "astro build".
      expect(r.log).toContain('Dateline: the content check failed; ');
      expect(r.log).not.toContain('astro build failed');
      expectUntouched(r.log);
    } finally {
      fs.rmSync(bad);
    }
  }, 120_000);

  it('after all that, a build succeeds and replaces the output; the console shows progress and a summary, not page lines', () => {
    const r = runBuild(content, out, NOW, []);
    expect(r.status, r.log).toBe(0);
    expect(r.log).toContain('out/ replaced by the new build');
    expect(r.log).not.toMatch(PAGE_LINE);
    // Not a terminal: the progress line is printed every 10 s at most, with the previous build's total.
    expect(r.log).toMatch(/\[dateline\] \d[\d,]* paths: [\d,]+ rendered, [\d,]+ restored from the cache; \d+ feeds/);
    expect(r.log).toMatch(/\[dateline\] output: 0 added, \d+ changed, 0 removed since the previous build \(list for the CDN: .*out-report\/changes\.txt\)/);
    expect(r.log).toMatch(/\[dateline\] time: [\d.]+ s \(startup [\d.]+ s, content check [\d.]+ s, .*pages [\d.]+ s, .*output check [\d.]+ s\)/);
    expect(fs.readFileSync(path.join(tree, 'out-report', 'build.log'), 'utf8')).toMatch(PAGE_LINE);
    expect(Object.keys(hashTree(out)).sort()).toEqual(Object.keys(good).sort());
  }, 180_000);
});
