/**
 * `npm run build`: build the site atomically.
 *
 *   node scripts/build.ts [--outDir DIR] [other astro build flags]
 *
 * 1. Repairs what an interrupted earlier build left (src/build/atomic-output.ts) and checks
 *    the incremental-build cache against the digests recorded by the last good build; a
 *    damaged copy is deleted so its page renders again (src/build/restore-digests.ts).
 * 2. Runs `astro build` into a staging folder beside the output (`.dist.staging/`), with the
 *    V8 heap capped (HEAP_MB).
 * 3. When Astro succeeded (content check, pages, feeds, sitemaps, the checks at
 *    `astro:build:done`), checks that nothing of the build machine ships
 *    (src/build/output-check.ts), records the cache digests, and only then swaps the staging
 *    folder in for the output folder (default `dist/`).
 *
 * A failure at any step, or SIGINT/SIGTERM/SIGHUP at any moment, deletes the staging folder
 * and leaves the previous output byte for byte as it was. Exit status: Astro's on failure,
 * 1 for a failed output check, 128 + signal number when stopped, 0 on success.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { discardStaging, outputPaths, promoteStaging, recoverOutput } from '../src/build/atomic-output.ts';
import { checkOutput } from '../src/build/output-check.ts';
import { recordCache, verifyCache } from '../src/build/restore-digests.ts';
import { astroCacheDir } from '../src/content-paths.ts';

/** V8 heap cap of the Astro process, in MiB (bench/RESULTS.md: peak RSS at 10,000 articles). */
const HEAP_MB = 1536;
/** Re-render reasons printed one per line; the rest are counted. */
const MAX_LISTED = 20;

const projectRoot = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[dateline] ${line}`);
const fail = (line: string) => process.stderr.write(`\nDateline: ${line}\n`);

function parseArgs(argv: string[]): { outDir: string; rest: string[] } {
  let outDir = 'dist';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--outDir' && i + 1 < argv.length) outDir = argv[++i]!;
    else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else rest.push(arg);
  }
  return { outDir, rest };
}

const { outDir, rest } = parseArgs(process.argv.slice(2));
const paths = outputPaths(outDir);
const outName = `${path.relative(process.cwd(), paths.out) || '.'}/`;
const repaired = recoverOutput(paths);
if (repaired) log(repaired);

const cacheDir = path.resolve(process.cwd(), astroCacheDir());
const verification = verifyCache(cacheDir);
if (verification.cold) log(`incremental cache: ${verification.cold}`);
else if (verification.verified || verification.rerender.length) {
  log(`incremental cache: ${verification.verified} cached page(s) match their digests; ${verification.rerender.length} will render again`);
}
for (const line of verification.rerender.slice(0, MAX_LISTED)) log(`  re-rendering ${line}`);
if (verification.rerender.length > MAX_LISTED) log(`  … and ${verification.rerender.length - MAX_LISTED} more`);

const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, astroBin, 'build', '--outDir', paths.staging, ...rest], {
  stdio: 'inherit',
  // Its own process group, so a stop reaches Astro and anything it starts.
  detached: true,
});

let stoppedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stoppedBy ??= signal;
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The build already ended; the exit handler below cleans up.
    }
  });
}

child.on('error', (error) => {
  discardStaging(paths);
  fail(`could not start astro build (${error.message}); ${outName} was left as it was.`);
  process.exit(1);
});

/** Let pending signal handlers run: the final steps check `stoppedBy` after each await. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

function stop(): never {
  discardStaging(paths);
  fail(`the build was stopped by ${stoppedBy}; ${outName} was left as it was.`);
  process.exit(128 + os.constants.signals[stoppedBy!]);
}

child.on('exit', async (code, signal) => {
  if (stoppedBy) stop();
  if (code !== 0) {
    discardStaging(paths);
    const why = signal ? `astro build was killed by ${signal}` : `astro build failed (exit status ${code})`;
    fail(`${why}; ${outName} was left as it was.`);
    process.exit(code || 1);
  }
  log(`checking the output before it replaces ${outName}`);
  const problems = await checkOutput(paths.staging, projectRoot);
  if (stoppedBy) stop();
  if (problems.length) {
    discardStaging(paths);
    fail(`the output holds files that must not be published:\n${problems.map((p) => `  ${p}`).join('\n')}\n${outName} was left as it was.`);
    process.exit(1);
  }
  recordCache(cacheDir, paths.staging);
  await tick();
  if (stoppedBy) stop();
  // From here on the build is complete: the swap is synchronous, and a signal that arrives
  // during it is never handled, since the process exits right after.
  promoteStaging(paths);
  log(`${outName} replaced by the new build`);
  process.exit(0);
});
