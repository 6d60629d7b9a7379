import { describe, expect, it } from 'vitest';
import { mergeResults, renderReport, type BenchResults, type ScenarioKey, type ScenarioResult, type ToolKey } from '../../bench/lib/report.ts';

function run(wallS: number, rssMb: number, ok = true) {
  return { ok, wallMs: wallS * 1000, peakRssBytes: rssMb * 1e6, cpuMs: wallS * 1000, otherCpuMs: 0, pages: 10, bytes: 1e6, steps: [], failure: ok ? null : 'boom' };
}
function result(tool: ToolKey, scenario: ScenarioKey, walls: number[], rssMb = 1000, ok = true): ScenarioResult {
  return { tool, scenario, runs: walls.map((w) => run(w, rssMb, ok)) };
}
const corpus = { articles: 0, topics: 200, authors: 50, bodyWords: 0, bytes: 0 };
const machine = { cpus: 2, cpuModel: 'x', memoryBytes: 2 ** 34, node: 'v24', astro: '7', markdownIt: '15', kernel: 'k', rssMethod: 'time', datelineTree: 't', datelineBuildScript: 's' };

describe('benchmark report: targets table', () => {
  const report: BenchResults = {
    startedAt: 'a', finishedAt: 'b', sizes: [10000, 100000], runs: 3, seed: 42, tools: ['dateline', 'bare', 'lower'], machine,
    results: [
      { n: 10000, corpus, scenarios: [
        result('dateline', 'cold', [40, 44, 60], 1900), result('dateline', 'warm', [4, 5, 9]), result('dateline', 'edit', [12, 11, 30], 2100),
        result('bare', 'cold', [40, 50, 41]), result('bare', 'warm', [30, 30, 30]), result('bare', 'edit', [30, 30, 30]),
      ] },
      { n: 100000, corpus, scenarios: [
        result('dateline', 'cold', [480, 500, 490], 2500), result('dateline', 'warm', [40, 60, 49]), result('dateline', 'edit', [70, 80, 75]),
        result('bare', 'cold', [99, 99, 99], 4200, false),
      ] },
    ],
  };
  const text = renderReport(report);
  const row = (n: string, label: string) => text.split('\n').find((l) => l.startsWith(`| ${n} | ${label}`)) ?? '';

  it('divides medians and gives a verdict per target', () => {
    expect(row('10,000', 'cold build, Dateline full site / bare Astro')).toBe('| 10,000 | cold build, Dateline full site / bare Astro | 1.07× | 1.07× | ≤ 1.00 | **not met** |');
    expect(row('10,000', 'rebuild after one edited article')).toContain('| 0.27× | 0.27× | ≤ 0.25 | **not met** |');
    expect(row('10,000', 'rebuild with no change')).toContain('| 0.11× | 0.11× | ≤ 0.15 | met |');
    expect(row('10,000', 'peak RSS')).toContain('| 2.10 GB | — | ≤ 2 GB | **not met** |');
    expect(row('100,000', 'rebuild with no change')).toContain('| 0.10× | 0.10× | ≤ 0.10 | met |');
    expect(row('100,000', 'growth, cold 100k / cold 10k')).toContain('| 11.14× | 11.14× | ≤ 10.50 | **not met** |');
    expect(row('100,000', 'cold build finishes')).toBe('| 100,000 | cold build finishes; bare Astro reported | Dateline 490.00 s; bare Astro cannot finish | | finishes | met |');
  });

  it('has no target rows for sizes without targets', () => {
    const small = renderReport({ ...report, sizes: [1000], results: [{ ...report.results[0]!, n: 1000 }] });
    expect(small).not.toContain('## Targets');
  });
});

describe('benchmark report of a run that stopped early', () => {
  it('says which requested sizes are missing', () => {
    const text = renderReport({ startedAt: 'a', finishedAt: 'b', sizes: [1000, 10000, 100000], runs: 3, seed: 42, tools: ['dateline'], machine, results: [{ n: 1000, corpus, scenarios: [result('dateline', 'cold', [10, 11, 12])] }] });
    expect(text).toContain('the run stopped before N = 10000, 100000 was measured');
  });
});

describe('benchmark report merged from two runs', () => {
  it('takes the largest size from the second run, says so, and computes growth across them', () => {
    const base = { startedAt: 'a', finishedAt: 'b', seed: 42, tools: ['dateline'] as ToolKey[], machine };
    const small: BenchResults = { ...base, sizes: [10000], runs: 3, results: [{ n: 10000, corpus, scenarios: [result('dateline', 'cold', [40, 44, 60])] }] };
    const large: BenchResults = { ...base, startedAt: 'later', machine: { ...machine, datelineTree: 'commit abc' }, sizes: [100000], runs: 1, results: [{ n: 100000, corpus, scenarios: [result('dateline', 'cold', [440])] }] };
    const merged = mergeResults([small, large]);
    expect(merged.sizes).toEqual([10000, 100000]);
    const text = renderReport(merged);
    expect(text).toContain('> Measured by a separate run started later: **single runs**, not medians; Dateline tree commit abc.');
    expect(text).toMatch(/\| 100,000 \| growth, cold 100k \/ cold 10k \| 10\.00× \|/);
    expect(text).not.toContain('Unfinished');
  });
});
