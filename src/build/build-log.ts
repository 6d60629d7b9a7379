/**
 * Reading Astro's build log as it streams, for a short console and a full log file.
 *
 * Astro prints one line per generated path (`  ├─ /articles/x/index.html (+3ms)`, or
 * `… (restored)` / `… (cached)` when the incremental build copied it): 12,000+ lines at 10,000
 * articles. `npm run build` writes every line to a log file and shows, instead of the page
 * lines, one progress line and a summary (scripts/build.ts).
 */

/** One line of Astro's build output, classified. */
export type LogLine =
  | { kind: 'page'; path: string; restored: boolean }
  | { kind: 'phase'; phase: Phase }
  | { kind: 'other' };

/**
 * The phases of a build that Astro (and Dateline's content check) announce, in order. The
 * integrations' checks at `astro:build:done` announce no start: they run from the last page
 * line to Astro's exit.
 */
export type Phase = 'content check' | 'content sync' | 'bundling' | 'pages';

const ANSI = /\u001b\[[0-9;]*m/g;
const PAGE = /^(?:\d\d:\d\d:\d\d)?\s*[├└]─ (\/\S*)(?:\s+\((restored|cached|\+[^)]*)\))?/;
const PHASES: [RegExp, Phase][] = [
  [/\[dateline\] build clock:/, 'content check'],
  [/\[content\] Syncing content/, 'content sync'],
  [/\[build\] Building static entrypoints/, 'bundling'],
  [/generating static routes/, 'pages'],
];

/** Remove terminal colour codes. */
export function stripAnsi(line: string): string {
  return line.replace(ANSI, '');
}

/**
 * Classify one line of Astro's log (colour codes allowed). Page lines name the output path
 * (root-relative, as Astro prints it) and whether the page was copied from the cache.
 */
export function classifyLine(raw: string): LogLine {
  const line = stripAnsi(raw);
  const page = PAGE.exec(line);
  if (page) return { kind: 'page', path: page[1]!, restored: page[2] === 'restored' || page[2] === 'cached' };
  for (const [pattern, phase] of PHASES) if (pattern.test(line)) return { kind: 'phase', phase };
  return { kind: 'other' };
}

/** Seconds as `12.3 s` or `4 min 05 s`. */
export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.round(s - m * 60)).padStart(2, '0')} s`;
}

/**
 * The progress line of page generation: `pages 1,234 / 12,145 · 410/s · about 27 s left`.
 * `total` is the number of paths the previous build generated (undefined on a first build:
 * then neither the total nor the time left is shown). `elapsedMs` counts from the first page.
 */
export function progressLine(done: number, total: number | undefined, elapsedMs: number): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const parts = [`pages ${n(done)}${total ? ` / ${n(Math.max(total, done))}` : ''}`, `${n(Math.round(rate))}/s`];
  if (total && rate > 0 && done < total) parts.push(`about ${formatDuration(((total - done) / rate) * 1000)} left`);
  return parts.join(' · ');
}
