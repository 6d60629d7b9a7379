/**
 * Build benchmark: Dateline against a bare Astro site and a plain-Node lower bound.
 *
 *   npm run bench -- --sizes 1000,10000,100000 --runs 3
 *
 * For each corpus size N it generates a synthetic corpus in a temp dir and measures, with
 * `/usr/bin/time -v`, Dateline and bare Astro (cold, warm with no change, one edited article) and
 * the lower bound (full build). Dateline is built in a private copy of this project so the real
 * working tree's `dist/` and caches are never touched. Writes `bench/RESULTS.md` and
 * `bench/RESULTS.json` (raw runs). See bench/README.md.
 *
 * Options: --sizes (default 1000,10000,100000), --runs (3), --seed (42),
 * --tools (dateline,bare,lower), --results (bench/RESULTS.md), --timeout-min (30),
 * --quiet-wait-s (60: before each run, wait up to this long for other processes to go quiet), --keep.
 * `node bench/run.ts --render bench/RESULTS.json` writes the report again from recorded runs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate-corpus.ts';
import { appendToFile, clearNodeModulesState, copyProject, htmlContains, outputStats, removeAll, restoreFile } from './lib/files.ts';
import { measureCommand, rssMethod, waitForQuiet, type CommandSpec } from './lib/measure.ts';
import {
  DEFAULT_RUNS, DEFAULT_SIZES, mergeResults, renderReport,
  type BenchResults, type MachineFacts, type ScenarioKey, type ScenarioResult, type ScenarioRun, type SizeResult, type ToolKey,
} from './lib/report.ts';

const REPO = path.resolve(import.meta.dirname, '..');
const NODE = process.execPath;
const SITE_URL = 'https://bench.example';
const ALL_TOOLS: ToolKey[] = ['dateline', 'bare', 'lower'];

/** Parsed command line. */
interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  tools: ToolKey[];
  results: string;
  timeoutMs: number;
  /** Longest wait for a quiet machine before each run, in ms (0: don't wait). */
  quietWaitMs: number;
  keep: boolean;
}

/** One step of a build: a command plus a label for the report. */
interface Step {
  name: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

/** How to build, clean and inspect one of the three sites for one corpus. */
interface Tool {
  key: ToolKey;
  scenarios: ScenarioKey[];
  outDir: string;
  /** The commands of one build, in order; a failed step ends the build. */
  steps: () => Step[];
  /** Remove output and every cache, for a cold build. */
  clean: () => void;
}

// ---------------------------------------------------------------- options and machine

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: DEFAULT_SIZES.join(',') },
      runs: { type: 'string', default: String(DEFAULT_RUNS) },
      seed: { type: 'string', default: '42' },
      tools: { type: 'string', default: ALL_TOOLS.join(',') },
      results: { type: 'string', default: path.join(REPO, 'bench', 'RESULTS.md') },
      'timeout-min': { type: 'string', default: '30' },
      'quiet-wait-s': { type: 'string', default: '60' },
      keep: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const tools = values.tools.split(',').filter((t): t is ToolKey => (ALL_TOOLS as string[]).includes(t));
  const runs = Number(values.runs);
  if (sizes.some((n) => !Number.isInteger(n) || n < 2) || !Number.isInteger(runs) || runs < 1 || tools.length === 0) {
    throw new Error('usage: node bench/run.ts [--sizes 1000,10000,100000] [--runs 3] [--seed 42] [--tools dateline,bare,lower] [--results file] [--timeout-min 30] [--quiet-wait-s 60] [--keep]');
  }
  return { sizes, runs, seed: Number(values.seed), tools, results: path.resolve(values.results), timeoutMs: Number(values['timeout-min']) * 60_000, quietWaitMs: Number(values['quiet-wait-s']) * 1000, keep: values.keep };
}

function packageVersion(name: string): string {
  try {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', name, 'package.json'), 'utf8'));
    return typeof pkg === 'object' && pkg !== null && 'version' in pkg ? String(pkg.version) : 'unknown';
  } catch {
    return 'not installed';
  }
}

/** Read-only description of the working tree the Dateline copy was taken from. */
function treeState(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let head = 'no commits yet';
  try {
    head = `commit ${git('rev-parse', '--short', 'HEAD')}`;
  } catch {
    // an unborn branch has no HEAD
  }
  try {
    const changed = git('status', '--porcelain').split('\n').filter((l) => l !== '').length;
    return `${head}, ${changed} uncommitted path(s) in the working tree when copied`;
  } catch {
    return head;
  }
}

/** The `build` script of the copied project's package.json ('' when there is none). */
function buildScript(site: string): string {
  try {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(site, 'package.json'), 'utf8'));
    const scripts = typeof pkg === 'object' && pkg !== null && 'scripts' in pkg ? pkg.scripts : undefined;
    const build = typeof scripts === 'object' && scripts !== null && 'build' in scripts ? scripts.build : undefined;
    return typeof build === 'string' ? build : '';
  } catch {
    return '';
  }
}

/**
 * Whether Dateline's build runs the standalone content checker first: true when the copy has
 * `scripts/check-content.ts` and its `npm run build` script calls it, so the benchmark times
 * what `npm run build` times.
 */
function buildRunsChecker(site: string): boolean {
  return fs.existsSync(path.join(site, 'scripts', 'check-content.ts')) && buildScript(site).includes('check-content');
}

/**
 * Node flags that Dateline's `build` script passes before Astro's entry point
 * (`node --max-old-space-size=1536 node_modules/astro/bin/astro.mjs build` → the heap flag),
 * so the benchmark runs the build with the same V8 settings as `npm run build`.
 */
function nodeFlagsOf(script: string): string[] {
  const match = /^node\s+((?:--\S+\s+)*)node_modules\/astro\/bin\/astro\.mjs\s+build\b/.exec(script.trim());
  return match ? match[1]!.trim().split(/\s+/).filter(Boolean) : [];
}

function datelineBuildDescription(site: string): string {
  const steps = /^node\s+scripts\/build\.ts\b/.test(buildScript(site).trim())
    ? '`node scripts/build.ts` (the content check, `astro build` into a staging folder, the output check, the swap into dist/)'
    : buildRunsChecker(site) ? '`node scripts/check-content.ts` then `astro build`' : '`astro build` only';
  return `${steps} (package.json \`build\`: \`${buildScript(site) || 'none'}\`), env \`DATELINE_CONTENT_DIR=<corpus>\`, \`SITE_URL=${SITE_URL}\``;
}

function machineFacts(site: string): MachineFacts {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    astro: packageVersion('astro'),
    markdownIt: packageVersion('markdown-it'),
    kernel: `${os.type()} ${os.release()}`,
    rssMethod: rssMethod() === 'gnu-time' ? '`/usr/bin/time -v` (max RSS of the largest process)' : '`/proc/<pid>/status` VmHWM polling every 50 ms',
    datelineTree: treeState(),
    datelineBuildScript: datelineBuildDescription(site),
  };
}

// ---------------------------------------------------------------- the three sites

function baseEnv(extra: Record<string, string>, binDir: string): Record<string, string | undefined> {
  return { ...process.env, PATH: `${binDir}${path.delimiter}${process.env['PATH'] ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

function datelineTool(site: string, corpus: string): Tool {
  const env = baseEnv({ DATELINE_CONTENT_DIR: corpus, SITE_URL }, path.join(site, 'node_modules', '.bin'));
  return {
    key: 'dateline',
    scenarios: ['cold', 'warm', 'edit'],
    outDir: path.join(site, 'dist'),
    steps: () => {
      // `npm run build` is scripts/build.ts (atomic output, verified cache) where the copy has it.
      const build: Step = /^node\s+scripts\/build\.ts\b/.test(buildScript(site).trim())
        ? { name: 'npm run build', args: [path.join('scripts', 'build.ts')], cwd: site, env }
        : { name: 'astro build', args: [...nodeFlagsOf(buildScript(site)), path.join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], cwd: site, env };
      return buildRunsChecker(site) ? [{ name: 'check-content', args: [path.join('scripts', 'check-content.ts')], cwd: site, env }, build] : [build];
    },
    clean: () => {
      removeAll([path.join(site, 'dist'), path.join(site, '.astro')]);
      clearNodeModulesState(path.join(site, 'node_modules'));
    },
  };
}

function bareTool(scratch: string, corpus: string): Tool {
  const root = path.join(REPO, 'bench', 'bare-astro');
  const outDir = path.join(scratch, 'bare', 'dist');
  const cacheDir = path.join(scratch, 'bare', 'cache');
  const env = baseEnv({ BENCH_CONTENT_DIR: corpus, BENCH_OUT_DIR: outDir, BENCH_CACHE_DIR: cacheDir }, path.join(REPO, 'node_modules', '.bin'));
  const astro = path.join(REPO, 'node_modules', 'astro', 'bin', 'astro.mjs');
  return {
    key: 'bare',
    scenarios: ['cold', 'warm', 'edit'],
    outDir,
    steps: () => [{ name: 'astro build', args: [astro, 'build', '--root', root], cwd: REPO, env }],
    clean: () => removeAll([outDir, cacheDir, path.join(root, '.astro')]),
  };
}

function lowerTool(scratch: string, corpus: string): Tool {
  const outDir = path.join(scratch, 'lower', 'out');
  const script = path.join(REPO, 'bench', 'lower-bound.ts');
  return {
    key: 'lower',
    scenarios: ['full'],
    outDir,
    steps: () => [{ name: 'lower-bound', args: [script, '--content', corpus, '--out', outDir], cwd: REPO, env: { ...process.env } }],
    clean: () => removeAll([outDir]),
  };
}

// ---------------------------------------------------------------- measuring

/** Other processes may use up to this many cores before a run starts (see {@link waitForQuiet}). */
const QUIET_CORES = 0.25;

async function runSteps(tool: Tool, log: string, timeoutMs: number): Promise<ScenarioRun> {
  const run: ScenarioRun = { ok: true, wallMs: 0, peakRssBytes: 0, cpuMs: 0, otherCpuMs: 0, pages: 0, bytes: 0, steps: [], failure: null };
  for (const step of tool.steps()) {
    const spec: CommandSpec = { command: NODE, args: step.args, cwd: step.cwd, env: step.env, log, timeoutMs };
    fs.appendFileSync(log, `\n$ ${step.name}\n`);
    const m = await measureCommand(spec);
    run.wallMs += m.wallMs;
    run.peakRssBytes = Math.max(run.peakRssBytes, m.peakRssBytes);
    run.cpuMs = run.cpuMs === null || m.cpuMs === null ? null : run.cpuMs + m.cpuMs;
    run.otherCpuMs = run.otherCpuMs === null || m.otherCpuMs === null ? null : run.otherCpuMs + m.otherCpuMs;
    run.steps.push({ name: step.name, wallMs: m.wallMs });
    if (!m.ok) return { ...run, ok: false, failure: `step "${step.name}" failed — ${m.failure ?? ''}` };
  }
  return { ...run, ...outputStats(tool.outDir) };
}

function skipped(reason: string): ScenarioRun {
  return { ok: false, wallMs: 0, peakRssBytes: 0, cpuMs: null, otherCpuMs: null, pages: 0, bytes: 0, steps: [], failure: reason };
}

function describeRun(run: ScenarioRun): string {
  if (!run.ok) return `FAILED (${(run.failure ?? '').split('\n')[0] ?? ''})`;
  const other = run.otherCpuMs === null ? '' : `, other processes ${(run.otherCpuMs / 1000).toFixed(2)} s CPU`;
  return `${(run.wallMs / 1000).toFixed(2)} s, ${(run.peakRssBytes / 1e6).toFixed(0)} MB peak, ${run.pages} pages, ${(run.bytes / 1e6).toFixed(1)} MB${other}`;
}

/** Fail an otherwise successful one-edit run whose output does not contain the appended sentence. */
function checkEditVisible(run: ScenarioRun, outDir: string, marker: string): ScenarioRun {
  if (!run.ok || htmlContains(outDir, marker)) return run;
  return { ...run, ok: false, failure: `the build succeeded but no page contains the edited sentence ("${marker}"): the edit was not rebuilt` };
}

/** One round of a tool: clean, then each of its scenarios in order (cold → warm → one edit). */
async function runRound(tool: Tool, round: number, ctx: { n: number; editFile: string; logs: string; timeoutMs: number; quietWaitMs: number }): Promise<Map<ScenarioKey, ScenarioRun>> {
  const out = new Map<ScenarioKey, ScenarioRun>();
  tool.clean();
  for (const scenario of tool.scenarios) {
    const first = out.get(tool.scenarios[0] as ScenarioKey);
    if (first !== undefined && !first.ok) {
      out.set(scenario, skipped(`skipped: the ${tool.scenarios[0] ?? ''} build of this round failed`));
      continue;
    }
    const log = path.join(ctx.logs, `${ctx.n}-${tool.key}-${scenario}-${round}.log`);
    const marker = `a sentence the benchmark appended in round ${round} for ${tool.key}`;
    const original = scenario === 'edit' ? appendToFile(ctx.editFile, `Editor’s note: ${marker}.`) : null;
    try {
      if (ctx.quietWaitMs > 0) await waitForQuiet(QUIET_CORES, ctx.quietWaitMs);
      const run = await runSteps(tool, log, ctx.timeoutMs);
      out.set(scenario, original !== null ? checkEditVisible(run, tool.outDir, marker) : run);
    } finally {
      if (original !== null) restoreFile(ctx.editFile, original);
    }
    console.log(`[N=${ctx.n}] ${tool.key} ${scenario} #${round}: ${describeRun(out.get(scenario) as ScenarioRun)}`);
  }
  return out;
}

async function measureTool(tool: Tool, opts: Options, ctx: { n: number; editFile: string; logs: string }): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = tool.scenarios.map((scenario) => ({ tool: tool.key, scenario, runs: [] }));
  for (let round = 1; round <= opts.runs; round++) {
    const rounds = await runRound(tool, round, { ...ctx, timeoutMs: opts.timeoutMs, quietWaitMs: opts.quietWaitMs });
    for (const r of results) r.runs.push(rounds.get(r.scenario) ?? skipped('not run'));
  }
  tool.clean();
  return results;
}

async function measureSize(n: number, opts: Options, scratch: string, site: string): Promise<SizeResult> {
  const corpus = path.join(scratch, `corpus-${n}`);
  const summary = generateCorpus({ n, seed: opts.seed, out: corpus });
  console.log(`[N=${n}] corpus: ${summary.articles} articles, ${(summary.bytes / 1e6).toFixed(1)} MB in ${corpus}`);
  const editFile = path.join(corpus, summary.articleFiles[0] ?? '');
  const ctx = { n, editFile, logs: path.join(scratch, 'logs') };
  const tools: Tool[] = [];
  if (opts.tools.includes('dateline')) tools.push(datelineTool(site, corpus));
  if (opts.tools.includes('bare')) tools.push(bareTool(scratch, corpus));
  if (opts.tools.includes('lower')) tools.push(lowerTool(scratch, corpus));
  const scenarios: ScenarioResult[] = [];
  for (const tool of tools) scenarios.push(...(await measureTool(tool, opts, ctx)));
  const { articleFiles: _files, ...corpusFacts } = summary;
  removeAll([corpus]);
  return { n, corpus: corpusFacts, scenarios };
}

// ---------------------------------------------------------------- main

function checkNode(): void {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) throw new Error(`Node ${process.version} is too old for Astro 7; run through npm (\`npm run bench\`), which uses the project's Node 24.`);
}

function writeResults(results: BenchResults, file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderReport(results));
  fs.writeFileSync(file.replace(/\.md$/, '') + '.json', `${JSON.stringify(results, null, 2)}\n`);
}

/** Run the benchmark described by the command line and write the report; resolves when done. */
export async function main(argv: string[]): Promise<void> {
  checkNode();
  // `--render <RESULTS.json> [more.json…]`: write the Markdown report again from recorded runs
  // (no builds); with more files, their sizes join the first file's report (`mergeResults`).
  if (argv[0] === '--render' && argv[1]) {
    const [json, ...more] = argv.slice(1).map((f) => path.resolve(f));
    const read = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')) as BenchResults;
    writeResults(mergeResults([read(json!), ...more.map(read)]), json!.replace(/\.json$/, '.md'));
    console.log(`wrote ${path.relative(process.cwd(), json!.replace(/\.json$/, '.md'))}`);
    return;
  }
  const opts = parseOptions(argv);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bench-'));
  const site = path.join(scratch, 'dateline');
  fs.mkdirSync(path.join(scratch, 'logs'));
  console.log(`scratch dir: ${scratch}`);
  if (opts.tools.includes('dateline')) copyProject(REPO, site);
  const startedAt = new Date().toISOString();
  const machine = machineFacts(site);
  const results: SizeResult[] = [];
  const report = (): BenchResults => ({ startedAt, finishedAt: new Date().toISOString(), sizes: opts.sizes, runs: opts.runs, seed: opts.seed, tools: opts.tools, machine, results });
  try {
    for (const n of opts.sizes) {
      results.push(await measureSize(n, opts, scratch, site));
      // Written after every size, so a long run that is stopped still leaves the sizes it finished.
      writeResults(report(), opts.results);
    }
  } finally {
    if (results.length > 0) writeResults(report(), opts.results);
    if (opts.keep) console.log(`kept ${scratch}`);
    else removeAll([scratch]);
  }
  console.log(`wrote ${path.relative(process.cwd(), opts.results)}`);
}

if (import.meta.main) await main(process.argv.slice(2));
