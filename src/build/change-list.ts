/**
 * The change list of a build, for purging a CDN: which public URLs were added, changed or
 * removed since the previous build, found by comparing the SHA-256 of every output file with
 * the manifest the previous build left (`<report>/manifest.json`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileDigest, listTree } from './restore-digests.ts';

/** Output path (relative, forward slashes) → SHA-256 hex. */
export type OutputManifest = Record<string, string>;

/** What changed between two builds, as root-relative URL paths, each list sorted. */
export interface ChangeList {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * URL path at which a static host serves an output file: `index.html` → `/`,
 * `a/index.html` → `/a/`, anything else `/<file>`. Percent-encoding is left to the host
 * (Astro writes folder names as the URL's decoded segments).
 */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * SHA-256 of every file under `dir` (linear in the output size): the manifest of a published
 * output that has no report beside it. A new build's manifest comes from its output check
 * (src/build/output-check.ts), which reads each file once for both.
 */
export function manifestOf(dir: string): OutputManifest {
  const manifest: OutputManifest = {};
  for (const file of listTree(dir)) manifest[file] = fileDigest(path.join(dir, file));
  return manifest;
}

/** Compare two manifests: a path in `next` only is added, in both with other bytes changed, in `previous` only removed. */
export function diffManifests(previous: OutputManifest, next: OutputManifest): ChangeList {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [file, digest] of Object.entries(next)) {
    const before = previous[file];
    if (before === undefined) added.push(urlPathOf(file));
    else if (before !== digest) changed.push(urlPathOf(file));
  }
  for (const file of Object.keys(previous)) if (!(file in next)) removed.push(urlPathOf(file));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

/** The manifest a previous build left in `reportDir`, or undefined (first build, or unreadable). */
export function readManifest(reportDir: string): OutputManifest | undefined {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(reportDir, 'manifest.json'), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as OutputManifest) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Write the report of a successful build into `reportDir`: `manifest.json` (the new output's
 * digests, for the next comparison), `changes.txt` (one `added|changed|removed <url path>` line
 * each, sorted) and `changes.json` (the same as {@link ChangeList}).
 */
export function writeChangeReport(reportDir: string, manifest: OutputManifest, changes: ChangeList): void {
  fs.mkdirSync(reportDir, { recursive: true });
  const lines = [...changes.added.map((u) => `added ${u}`), ...changes.changed.map((u) => `changed ${u}`), ...changes.removed.map((u) => `removed ${u}`)];
  fs.writeFileSync(path.join(reportDir, 'changes.txt'), lines.length ? `${lines.join('\n')}\n` : '');
  fs.writeFileSync(path.join(reportDir, 'changes.json'), `${JSON.stringify(changes, null, 1)}\n`);
  fs.writeFileSync(path.join(reportDir, 'manifest.json'), JSON.stringify(manifest));
}
