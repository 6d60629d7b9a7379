/**
 * Result types of the benchmark and the Markdown report (`bench/RESULTS.md`) made from them.
 * Units in the data: wall time in ms, memory and sizes in bytes. Units in the report:
 * seconds, and MB = 10^6 bytes.
 */

export type ToolKey = 'dateline' | 'bare' | 'lower';
export type ScenarioKey = 'cold' | 'warm' | 'edit' | 'full';

/** One measured run of one scenario. */
export interface ScenarioRun {
  ok: boolean;
  /** Wall time in ms (sum of the steps). */
  wallMs: number;
  /** Peak RSS in bytes (largest process of any step). */
  peakRssBytes: number;
  /** CPU time (user + system) of the build's processes in ms, or null when unknown. */
  cpuMs: number | null;
  /** CPU time in ms used by other processes on the machine during the run, or null when unknown. */
  otherCpuMs: number | null;
  /** `.html` files in the output directory after the run. */
  pages: number;
  /** Size of the output directory after the run, in bytes. */
  bytes: number;
  /** Wall time of each step in ms, e.g. content check and astro build. */
  steps: { name: string; wallMs: number }[];
  failure: string | null;
}

/** All runs of one tool × scenario at one corpus size. */
export interface ScenarioResult {
  tool: ToolKey;
  scenario: ScenarioKey;
  runs: ScenarioRun[];
}

/** Everything measured at one corpus size. */
export interface SizeResult {
  n: number;
  corpus: { articles: number; topics: number; authors: number; bodyWords: number; bytes: number };
  scenarios: ScenarioResult[];
  /** Set when this size was measured by another run than the report's (see {@link mergeResults}). */
  separateRun?: { startedAt: string; runs: number; datelineTree: string } | undefined;
}

/**
 * One report from several benchmark runs (e.g. the largest size measured on its own): sizes
 * from all of them, sorted; settings and machine facts of the first. A size measured by a
 * later run keeps that run's start, round count and Dateline tree, and the report says so.
 */
export function mergeResults(runs: readonly BenchResults[]): BenchResults {
  const [first, ...rest] = runs;
  if (!first) throw new Error('mergeResults: no results');
  const results = [
    ...first.results,
    ...rest.flatMap((r) => r.results.map((size) => ({ ...size, separateRun: { startedAt: r.startedAt, runs: r.runs, datelineTree: r.machine.datelineTree } }))),
  ].sort((a, b) => a.n - b.n);
  return { ...first, finishedAt: runs.at(-1)!.finishedAt, sizes: results.map((x) => x.n), results };
}

/** Facts about the machine and the code under test. */
export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  /** Total memory in bytes. */
  memoryBytes: number;
  node: string;
  astro: string;
  markdownIt: string;
  kernel: string;
  rssMethod: string;
  datelineTree: string;
  datelineBuildScript: string;
}

/** The whole benchmark: settings, machine and results. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  sizes: number[];
  runs: number;
  seed: number;
  tools: ToolKey[];
  machine: MachineFacts;
  results: SizeResult[];
}

/** Median-of-runs summary of a {@link ScenarioResult}. */
export interface Summary {
  okRuns: number;
  totalRuns: number;
  /** Median wall time in ms, or null when no run succeeded. */
  wallMs: number | null;
  /** Median peak RSS in bytes, or null. */
  peakRssBytes: number | null;
  /** Median CPU time of the build in ms, or null. */
  cpuMs: number | null;
  /** Largest CPU time in ms that other processes used during any of the runs, or null. */
  otherCpuMs: number | null;
  pages: number | null;
  /** Output size in bytes, or null. */
  bytes: number | null;
  /** Median wall time per step in ms. */
  steps: { name: string; wallMs: number }[];
  failure: string | null;
}

export const DEFAULT_SIZES = [1000, 10000, 100000];
export const DEFAULT_RUNS = 3;

const OTHER_CPU_NOTE =
  '*CPU* is user + system time of the build (more than *wall* means it used both cores). *Other CPU* is the largest CPU time that other processes on the machine used during any run of that row: a few tenths of a second is background noise, more means something else competed for the 2 cores and the wall time is inflated.';

const TOOL_LABEL: Record<ToolKey, string> = { dateline: 'Dateline', bare: 'bare Astro', lower: 'lower bound' };
const SCENARIO_LABEL: Record<ScenarioKey, string> = { cold: 'cold', warm: 'warm, no change', edit: 'one edit', full: 'full' };
const PAIRS: [ToolKey, ScenarioKey][] = [
  ['dateline', 'cold'], ['dateline', 'warm'], ['dateline', 'edit'],
  ['bare', 'cold'], ['bare', 'warm'], ['bare', 'edit'],
  ['lower', 'full'],
];

/** Median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

function known(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

function medianOrNull(values: (number | null)[]): number | null {
  const k = known(values);
  return k.length === 0 ? null : median(k);
}

function maxOrNull(values: (number | null)[]): number | null {
  const k = known(values);
  return k.length === 0 ? null : Math.max(...k);
}

/** Summarise the runs of one scenario: medians over the successful runs. */
export function summarise(result: ScenarioResult): Summary {
  const ok = result.runs.filter((r) => r.ok);
  const last = ok.at(-1);
  const stepNames = last?.steps.map((s) => s.name) ?? [];
  const steps = stepNames.map((name) => ({ name, wallMs: median(ok.map((r) => r.steps.find((s) => s.name === name)?.wallMs ?? 0)) }));
  return {
    okRuns: ok.length,
    totalRuns: result.runs.length,
    wallMs: ok.length > 0 ? median(ok.map((r) => r.wallMs)) : null,
    peakRssBytes: ok.length > 0 ? median(ok.map((r) => r.peakRssBytes)) : null,
    cpuMs: medianOrNull(ok.map((r) => r.cpuMs)),
    otherCpuMs: maxOrNull(ok.map((r) => r.otherCpuMs)),
    pages: last?.pages ?? null,
    bytes: last?.bytes ?? null,
    steps,
    failure: result.runs.find((r) => !r.ok)?.failure ?? null,
  };
}

function find(size: SizeResult, tool: ToolKey, scenario: ScenarioKey): Summary | null {
  const result = size.scenarios.find((s) => s.tool === tool && s.scenario === scenario);
  return result === undefined ? null : summarise(result);
}

const sec = (ms: number | null): string => (ms === null ? '—' : (ms / 1000).toFixed(2));
const mb = (bytes: number | null): string => (bytes === null ? '—' : (bytes / 1e6).toFixed(bytes >= 1e8 ? 0 : 1));
const ratio = (a: number | null, b: number | null): string => (a === null || b === null || b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

function status(s: Summary | null): string {
  if (s === null) return 'not run';
  if (s.okRuns === s.totalRuns) return 'ok';
  return s.okRuns === 0 ? '**failed**' : `**${s.totalRuns - s.okRuns} of ${s.totalRuns} failed**`;
}

function stepNote(s: Summary | null): string {
  if (s === null || s.steps.length < 2) return '';
  return s.steps.map((step) => `${step.name} ${sec(step.wallMs)} s`).join(' + ');
}

function header(r: BenchResults): string[] {
  const defaults = r.sizes.join(',') === DEFAULT_SIZES.join(',') && r.runs === DEFAULT_RUNS;
  const each = r.runs === 1 ? 'each figure is a **single run**, not a median' : `each figure is the **median of ${r.runs} runs**`;
  const scope = defaults ? `Full benchmark: N = ${r.sizes.join(', ')}; ${each}.` : `> **Partial run: N = ${r.sizes.join(', ')} only, runs = ${r.runs}** (${each}). The full benchmark is \`npm run bench\` (N = ${DEFAULT_SIZES.join(', ')}, runs = ${DEFAULT_RUNS}).`;
  const missing = r.sizes.filter((n) => !r.results.some((x) => x.n === n));
  const stopped = missing.length === 0 ? [] : [`> **Unfinished:** the run stopped before N = ${missing.join(', ')} was measured; this report holds the sizes it finished.`, ''];
  return [
    '# Build benchmark results',
    '',
    `Generated by \`bench/run.ts\` (see [README.md](README.md) for what is measured and how to reproduce). Started ${r.startedAt}, finished ${r.finishedAt}.`,
    '',
    scope,
    '',
    ...stopped,
  ];
}

function machineSection(r: BenchResults): string[] {
  const m = r.machine;
  return [
    '## Machine and inputs',
    '',
    '| fact | value |',
    '|---|---|',
    `| CPUs (nproc) | ${m.cpus} × ${m.cpuModel} |`,
    `| memory | ${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB |`,
    `| kernel | ${m.kernel} |`,
    `| node | ${m.node} |`,
    `| astro / markdown-it | ${m.astro} / ${m.markdownIt} |`,
    `| peak RSS measured with | ${m.rssMethod} |`,
    `| Dateline tree | ${m.datelineTree} |`,
    `| Dateline build steps timed | ${m.datelineBuildScript} |`,
    `| corpus | \`bench/generate-corpus.ts\`, seed ${r.seed}, 200 topics, 50 authors |`,
    '',
  ];
}

function sizeTable(size: SizeResult): string[] {
  const c = size.corpus;
  const lines = [
    `## N = ${size.n.toLocaleString('en-US')} articles`,
    '',
    `Corpus: ${c.articles} articles, ${c.bodyWords.toLocaleString('en-US')} body words, ${mb(c.bytes)} MB of source.`,
    '',
    ...(size.separateRun ? [`> Measured by a separate run started ${size.separateRun.startedAt}: ${size.separateRun.runs === 1 ? '**single runs**, not medians' : `median of ${size.separateRun.runs} runs`}; Dateline tree ${size.separateRun.datelineTree}.`, ''] : []),
    '| tool | scenario | wall (s) | CPU (s) | peak RSS (MB) | pages | output (MB) | other CPU (s) | status | notes |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const [tool, scenario] of PAIRS) {
    const s = find(size, tool, scenario);
    const cells = [sec(s?.wallMs ?? null), sec(s?.cpuMs ?? null), mb(s?.peakRssBytes ?? null), String(s?.pages ?? '—'), mb(s?.bytes ?? null), sec(s?.otherCpuMs ?? null)];
    lines.push(`| ${TOOL_LABEL[tool]} | ${SCENARIO_LABEL[scenario]} | ${cells.join(' | ')} | ${status(s)} | ${stepNote(s)} |`);
  }
  return [...lines, '', OTHER_CPU_NOTE, '', ...ratioTable(size), ''];
}

function ratioTable(size: SizeResult): string[] {
  const lower = find(size, 'lower', 'full')?.wallMs ?? null;
  const lines = ['Wall-time ratios (lower is better; the lower bound has one scenario, a full build):', '', '| scenario | Dateline / bare Astro | Dateline / lower bound | bare Astro / lower bound |', '|---|---:|---:|---:|'];
  for (const scenario of ['cold', 'warm', 'edit'] as const) {
    const d = find(size, 'dateline', scenario)?.wallMs ?? null;
    const b = find(size, 'bare', scenario)?.wallMs ?? null;
    lines.push(`| ${SCENARIO_LABEL[scenario]} | ${ratio(d, b)} | ${ratio(d, lower)} | ${ratio(b, lower)} |`);
  }
  return lines;
}

/**
 * The targets of the speed issue (Dateline issue 10), one row per target and size: the measured
 * value (medians of the runs), the target, and whether it is met. Sizes other than 10,000 and
 * 100,000 have no targets; a size that was not measured is left out.
 */
type Measure = 'wallMs' | 'cpuMs';
const TARGETS: { label: string; limits: Partial<Record<number, number>>; value: (size: SizeResult, all: SizeResult[], m: Measure) => number | null; unit: 'ratio' | 'GB' }[] = [
  { label: 'cold build, Dateline full site / bare Astro', limits: { 10000: 1.0 }, unit: 'ratio', value: (s, _all, m) => quotient(find(s, 'dateline', 'cold')?.[m], find(s, 'bare', 'cold')?.[m]) },
  { label: 'rebuild after one edited article / own cold build', limits: { 10000: 0.25, 100000: 0.15 }, unit: 'ratio', value: (s, _all, m) => quotient(find(s, 'dateline', 'edit')?.[m], find(s, 'dateline', 'cold')?.[m]) },
  { label: 'rebuild with no change / own cold build', limits: { 10000: 0.15, 100000: 0.1 }, unit: 'ratio', value: (s, _all, m) => quotient(find(s, 'dateline', 'warm')?.[m], find(s, 'dateline', 'cold')?.[m]) },
  { label: 'peak RSS, largest of the Dateline scenarios', limits: { 10000: 2, 100000: 4 }, unit: 'GB', value: (s, _all, m) => {
    if (m === 'cpuMs') return null;
    const peaks = (['cold', 'warm', 'edit'] as const).map((k) => find(s, 'dateline', k)?.peakRssBytes ?? null).filter((v): v is number => v !== null);
    return peaks.length === 0 ? null : Math.max(...peaks) / 1e9;
  } },
  { label: 'growth, cold 100k / cold 10k', limits: { 100000: 10.5 }, unit: 'ratio', value: (s, all, m) => {
    const tenK = all.find((x) => x.n === 10000);
    return tenK === undefined ? null : quotient(find(s, 'dateline', 'cold')?.[m], find(tenK, 'dateline', 'cold')?.[m]);
  } },
];

function quotient(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined || b === 0 ? null : a / b;
}

function targetsSection(r: BenchResults): string[] {
  const rows: string[] = [];
  for (const size of [...r.results].sort((a, b) => a.n - b.n)) {
    for (const t of TARGETS) {
      const limit = t.limits[size.n];
      if (limit === undefined) continue;
      const v = t.value(size, r.results, 'wallMs');
      const cpu = t.value(size, r.results, 'cpuMs');
      const show = (x: number | null) => (x === null ? '—' : t.unit === 'GB' ? `${x.toFixed(2)} GB` : `${x.toFixed(2)}×`);
      const goal = t.unit === 'GB' ? `≤ ${limit} GB` : `≤ ${limit.toFixed(2)}`;
      rows.push(`| ${size.n.toLocaleString('en-US')} | ${t.label} | ${show(v)} | ${show(cpu)} | ${goal} | ${v === null ? 'not measured' : v <= limit ? 'met' : '**not met**'} |`);
    }
    if (size.n === 100000) {
      const d = find(size, 'dateline', 'cold');
      const b = find(size, 'bare', 'cold');
      const bare = b === null ? 'not run' : b.okRuns === 0 ? 'bare Astro cannot finish' : `bare Astro ${sec(b.wallMs)} s`;
      const ok = d !== null && d.okRuns === d.totalRuns;
      rows.push(`| 100,000 | cold build finishes; bare Astro reported | Dateline ${d?.wallMs == null ? 'failed' : `${sec(d.wallMs)} s`}; ${bare} | | finishes | ${ok ? 'met' : '**not met**'} |`);
    }
  }
  if (rows.length === 0) return [];
  return [
    '## Targets',
    '',
    'The targets of the speed issue, from the medians below. The verdict is on wall time, as the targets are written; the same ratio of CPU time (user + system of the build) is shown beside it, because CPU time barely moves when other processes share the machine, and wall time does (see *other CPU* in the tables).',
    '',
    '| N | target | measured (wall) | same ratio of CPU time | goal | verdict |',
    '|---:|---|---:|---:|---|---|',
    ...rows,
    '',
  ];
}

function growthSection(r: BenchResults): string[] {
  const sorted = [...r.results].sort((a, b) => a.n - b.n);
  const first = sorted[0];
  const last = sorted.at(-1);
  const lines = ['## Growth with corpus size', ''];
  if (first === undefined || last === undefined || first === last) {
    return [...lines, `Only one size was measured, so there is no growth figure. Run \`npm run bench\` (N = ${DEFAULT_SIZES.join(', ')}) for the 1k → 10k growth.`, ''];
  }
  lines.push(`Wall time at N = ${last.n} divided by wall time at N = ${first.n} (${(last.n / first.n).toFixed(0)}× the articles; ${(last.n / first.n).toFixed(0)}× means linear):`, '');
  lines.push(`| tool | scenario | ${first.n} (s) | ${last.n} (s) | growth |`, '|---|---|---:|---:|---:|');
  for (const [tool, scenario] of PAIRS) {
    const a = find(first, tool, scenario)?.wallMs ?? null;
    const b = find(last, tool, scenario)?.wallMs ?? null;
    lines.push(`| ${TOOL_LABEL[tool]} | ${SCENARIO_LABEL[scenario]} | ${sec(a)} | ${sec(b)} | ${ratio(b, a)} |`);
  }
  return [...lines, ''];
}

function rssSection(r: BenchResults): string[] {
  const sizes = [...r.results].sort((a, b) => a.n - b.n);
  const lines = ['## Peak RSS (MB)', '', `| tool | scenario | ${sizes.map((s) => `N = ${s.n}`).join(' | ')} |`, `|---|---|${sizes.map(() => '---:').join('|')}|`];
  for (const [tool, scenario] of PAIRS) {
    lines.push(`| ${TOOL_LABEL[tool]} | ${SCENARIO_LABEL[scenario]} | ${sizes.map((s) => mb(find(s, tool, scenario)?.peakRssBytes ?? null)).join(' | ')} |`);
  }
  return [...lines, ''];
}

function failureSection(r: BenchResults): string[] {
  const lines: string[] = [];
  for (const size of r.results) {
    for (const result of size.scenarios) {
      const failure = summarise(result).failure;
      if (failure === null) continue;
      lines.push(`### ${TOOL_LABEL[result.tool]}, ${SCENARIO_LABEL[result.scenario]}, N = ${size.n}`, '', '```text', failure, '```', '');
    }
  }
  return lines.length === 0 ? [] : ['## Failures', '', 'Last lines of the build log of the first failed run of each scenario:', '', ...lines];
}

/** Render the whole results document as Markdown. */
export function renderReport(r: BenchResults): string {
  const sizes = [...r.results].sort((a, b) => a.n - b.n);
  return [...header(r), ...machineSection(r), ...targetsSection(r), ...sizes.flatMap(sizeTable), ...growthSection(r), ...rssSection(r), ...failureSection(r)].join('\n');
}
