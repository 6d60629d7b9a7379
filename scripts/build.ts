/**
 * `npm run build`: build the site atomically.
 *
 *   node scripts/build.ts [--outDir DIR] [--verbose] [other astro build flags]
 *
 * 1. Repairs what an interrupted earlier build left (src/build/atomic-output.ts) and checks
 *    the incremental-build cache against the digests recorded by the last good build; a
 *    damaged copy is deleted so its page renders again (src/build/restore-digests.ts).
 * 2. Runs `astro build` into a staging folder beside the output (`.dist.staging/`), with the
 *    V8 heap capped (HEAP_MB). Astro's log goes whole to `dist-report/build.log`; the console
 *    shows everything but the one-line-per-page lines, a progress line instead (refreshed in a
 *    terminal, printed every PROGRESS_EVERY_MS otherwise) and a summary. `--verbose` shows the
 *    page lines too.
 * 3. When Astro succeeded (content check, pages, feeds, sitemaps, the checks at
 *    `astro:build:done`), checks that nothing of the build machine ships
 *    (src/build/output-check.ts, which also takes every file's digest), records the cache
 *    digests (reading again only the cached page copies Astro wrote), and only then swaps the
 *    staging folder in for the output folder (default `dist/`). It writes the change list against the
 *    previous output to `dist-report/changes.txt` (src/build/change-list.ts).
 *
 * This process runs with the V8 flags that keep Node from hanging at exit (src/build/v8-flags.ts);
 * Astro turns them on in its last hook (src/integrations/shutdown-safe.ts).
 *
 * A failure at any step, or SIGINT/SIGTERM/SIGHUP at any moment, deletes the staging folder
 * and leaves the previous output byte for byte as it was. Exit status: Astro's on failure,
 * 1 for a failed output check, 128 + signal number when stopped, 0 on success.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { discardStaging, outputPaths, promoteStaging, recoverOutput } from '../src/build/atomic-output.ts';
import { classifyLine, formatDuration, progressLine, stripAnsi, type Phase } from '../src/build/build-log.ts';
import { diffManifests, manifestOf, readManifest, writeChangeReport } from '../src/build/change-list.ts';
import { checkOutput } from '../src/build/output-check.ts';
import { recordCache, verifyCache } from '../src/build/restore-digests.ts';
import { astroCacheDir } from '../src/lib/content/paths.ts';
import { isProblemsSummary } from '../src/lib/content/problems.ts';
import { useShutdownSafeV8Flags } from '../src/build/v8-flags.ts';

useShutdownSafeV8Flags();

/** V8 heap cap of the Astro process, in MiB (bench/RESULTS.md: peak RSS at 10,000 articles). */
const HEAP_MB = 1536;
/** Re-render reasons printed one per line; the rest are counted. */
const MAX_LISTED = 20;
/** How often the progress line is printed when the console is not a terminal (CI logs). */
const PROGRESS_EVERY_MS = 10_000;

const projectRoot = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[dateline] ${line}`);
const fail = (line: string) => process.stderr.write(`\nDateline: ${line}\n`);

function parseArgs(argv: string[]): { outDir: string; verbose: boolean; rest: string[] } {
  let outDir = 'dist';
  let verbose = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--outDir' && i + 1 < argv.length) outDir = argv[++i]!;
    else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else if (arg === '--verbose') verbose = true;
    else rest.push(arg);
  }
  return { outDir, verbose, rest };
}

const { outDir, verbose, rest } = parseArgs(process.argv.slice(2));
const paths = outputPaths(outDir);
const rel = (p: string) => path.relative(process.cwd(), p) || '.';
const outName = `${rel(paths.out)}/`;
const started = performance.now();
const repaired = recoverOutput(paths);
if (repaired) log(repaired);

const cacheDir = path.resolve(process.cwd(), astroCacheDir());
const verification = verifyCache(cacheDir);
if (verification.cold) log(`incremental cache: ${verification.cold}`);
else if (verification.verified || verification.rerender.length) {
  log(`incremental cache: ${verification.verified} cached page(s) match their digests; ${verification.rerender.length} will render again`);
}
for (const line of verification.restored) log(`incremental cache: ${line}`);
for (const line of verification.rerender.slice(0, MAX_LISTED)) log(`  re-rendering ${line}`);
if (verification.rerender.length > MAX_LISTED) log(`  … and ${verification.rerender.length - MAX_LISTED} more`);

// ---------------------------------------------------------------- Astro, and its log

fs.mkdirSync(paths.report, { recursive: true });
const logFile = path.join(paths.report, 'build.log');
const logStream = fs.createWriteStream(logFile);
const previousManifest = readManifest(paths.report);
/** Paths the previous build generated (the progress line's total), from its report. */
const expectedPaths = readExpectedPaths();

const astroBin = path.join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, astroBin, 'build', '--outDir', paths.staging, ...rest], {
  stdio: ['inherit', 'pipe', 'pipe'],
  // Its own process group, so a stop reaches Astro and anything it starts.
  detached: true,
  env: { ...process.env, ...(process.stdout.isTTY && !process.env['NO_COLOR'] ? { FORCE_COLOR: '1' } : {}) },
});

const counts = { rendered: 0, restored: 0 };
/** Each phase and when it started; startup = the cache check, Astro's start and its config (site configuration). */
const phaseStarts: [Phase | 'startup' | 'final checks' | 'output check', number][] = [['startup', started]];
let firstPageAt = 0;
let lastPageAt = 0;
let lastProgressAt = 0;
let progressShown = false;
const tty = !!process.stdout.isTTY;

function clearProgress(): void {
  if (tty && progressShown) process.stdout.write('\r\u001b[K');
  progressShown = false;
}

function showProgress(force = false): void {
  const now = performance.now();
  if (!force && now - lastProgressAt < (tty ? 200 : PROGRESS_EVERY_MS)) return;
  lastProgressAt = now;
  const line = `[dateline] ${progressLine(counts.rendered + counts.restored, expectedPaths, now - firstPageAt)}`;
  if (tty) {
    process.stdout.write(`\r\u001b[K${line}`);
    progressShown = true;
  } else console.log(line);
}

function onLine(line: string): void {
  const entry = classifyLine(line);
  if (entry.kind === 'page') {
    lastPageAt = performance.now();
    if (!firstPageAt) firstPageAt = lastProgressAt = lastPageAt;
    counts[entry.restored ? 'restored' : 'rendered']++;
    if (verbose) console.log(line);
    else showProgress();
    return;
  }
  if (entry.kind === 'phase' && !phaseStarts.some(([p]) => p === entry.phase)) phaseStarts.push([entry.phase, performance.now()]);
  clearProgress();
  console.log(line);
}

function lines(stream: NodeJS.ReadableStream, each: (line: string) => void): void {
  let pending = '';
  stream.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    logStream.write(stripAnsi(text));
    pending += text;
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const part of parts) each(part);
  });
  stream.on('end', () => pending && each(pending));
}
lines(child.stdout!, onLine);
/** Set when the content check rejected the content: it said so itself, and nothing was built. */
let contentRejected = false;
lines(child.stderr!, (line) => {
  clearProgress();
  if (isProblemsSummary(stripAnsi(line))) contentRejected = true;
  process.stderr.write(`${line}\n`);
});

function readExpectedPaths(): number | undefined {
  try {
    const n = Number(fs.readFileSync(path.join(paths.report, 'paths.txt'), 'utf8'));
    return Number.isFinite(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- stop, fail, succeed

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
  clearProgress();
  fail(`the build was stopped by ${stoppedBy}; ${outName} was left as it was. Log: ${rel(logFile)}`);
  process.exit(128 + os.constants.signals[stoppedBy!]);
}

function summary(changes: { added: string[]; changed: string[]; removed: string[] }, files: string[]): string[] {
  const feeds = files.filter((f) => /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/.test(f)).length;
  const end = performance.now();
  const phases = phaseStarts.map(([name, at], i) => `${name} ${formatDuration((phaseStarts[i + 1]?.[1] ?? end) - at)}`);
  return [
    `${(counts.rendered + counts.restored).toLocaleString('en-GB')} paths: ${counts.rendered.toLocaleString('en-GB')} rendered, ${counts.restored.toLocaleString('en-GB')} restored from the cache; ${feeds} feeds`,
    `output: ${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed since the previous build (list for the CDN: ${rel(path.join(paths.report, 'changes.txt'))})`,
    `time: ${formatDuration(end - started)} (${phases.join(', ')})`,
    `full log: ${rel(logFile)}`,
  ];
}

child.on('exit', async (code, signal) => {
  await new Promise<void>((resolve) => logStream.end(resolve));
  clearProgress();
  if (stoppedBy) stop();
  if (code !== 0) {
    discardStaging(paths);
    const why = signal ? `astro build was killed by ${signal}` : contentRejected ? 'the content check failed' : `astro build failed (exit status ${code})`;
    fail(`${why}; ${outName} was left as it was. Log: ${rel(logFile)}`);
    process.exit(code || 1);
  }
  if (lastPageAt) phaseStarts.push(['final checks', lastPageAt]);
  phaseStarts.push(['output check', performance.now()]);
  log(`checking the output before it replaces ${outName}`);
  const { problems, manifest } = await checkOutput(paths.staging, projectRoot);
  if (stoppedBy) stop();
  if (problems.length) {
    discardStaging(paths);
    fail(`the output holds files that must not be published:\n${problems.map((p) => `  ${p}`).join('\n')}\n${outName} was left as it was.`);
    process.exit(1);
  }
  recordCache(cacheDir, manifest, verification.kept);
  await tick();
  if (stoppedBy) stop();
  // From here on the build is complete: the swap is synchronous, and a signal that arrives
  // during it is never handled, since the process exits right after.
  const changes = diffManifests(previousManifest ?? (fs.existsSync(paths.out) ? manifestOf(paths.out) : {}), manifest);
  promoteStaging(paths);
  writeChangeReport(paths.report, manifest, changes);
  fs.writeFileSync(path.join(paths.report, 'paths.txt'), String(counts.rendered + counts.restored));
  for (const line of summary(changes, Object.keys(manifest))) log(line);
  log(`${outName} replaced by the new build`);
  process.exit(0);
});
