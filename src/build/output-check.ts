/**
 * The last check of a build before its output replaces the published `dist/`: nothing that
 * belongs to the build machine may ship. Astro leaves its prerender bundle (`.prerender/`:
 * the machine's absolute paths and the whole content store, drafts and embargoed bodies
 * included) in the output folder until it is done, and a misconfigured Vite could emit
 * source maps. The same pass takes the SHA-256 of every output file, for the change list
 * (src/build/change-list.ts) and the cache record (src/build/restore-digests.ts), so each
 * file of the output is read once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../lib/cache-file.ts';
import type { OutputManifest } from './change-list.ts';
import { listTree } from './restore-digests.ts';

/** Folders Astro may leave in the output that must never be published. */
const BUILD_LEFTOVERS = ['.prerender'];
/** Files whose text is read for absolute paths of the build machine. */
const TEXT_FILE = /\.(html|xml|json|txt|css|js|mjs|svg|xsl|webmanifest)$|(^|\/)_(headers|redirects)$/;
/** Let pending signal handlers run between two files. */
const betweenFiles = () => new Promise<void>((resolve) => setImmediate(resolve));

/** What {@link checkOutput} found. */
export interface OutputCheck {
  /** One line per problem, `path: reason`, in path order; [] when the output is clean. */
  problems: string[];
  /** Every file of the output (problem files included) → SHA-256 hex of its bytes, in path order. */
  manifest: OutputManifest;
}

/** Why `file` (relative path, forward slashes) with these bytes must not ship, or undefined. */
function problemOf(file: string, bytes: Buffer, projectRoot: string, needle: Buffer): string | undefined {
  if (file.endsWith('.map')) return `${file}: source maps are not published`;
  if (file.split('/').some((part) => part.startsWith('.') && part !== '.well-known')) return `${file}: a hidden build file`;
  if (TEXT_FILE.test(file) && bytes.includes(needle)) return `${file}: contains the build machine's path ${projectRoot}`;
  return undefined;
}

/**
 * Remove Astro's build leftovers from `outDir`, then read every file under it once, to list
 * what must not ship — source maps, hidden folders (`.well-known` excepted), and any text file
 * that contains `projectRoot` (the absolute path of the checkout, matched as bytes) — and to
 * take its SHA-256. Linear in the output size. Each file is read in one synchronous call and
 * the event loop gets a turn between files, so a stop signal is handled while the check runs
 * (`fs.promises.readFile`, even eight files at a time, took twice as long over a 10,000-article
 * output: 23,700 files, 450 MB).
 * @throws the file system's error when a file cannot be read.
 */
export async function checkOutput(outDir: string, projectRoot: string): Promise<OutputCheck> {
  for (const leftover of BUILD_LEFTOVERS) fs.rmSync(path.join(outDir, leftover), { recursive: true, force: true });
  const needle = Buffer.from(projectRoot);
  const problems: string[] = [];
  const manifest: OutputManifest = {};
  for (const file of listTree(outDir)) {
    const bytes = fs.readFileSync(path.join(outDir, file));
    manifest[file] = sha256Hex(bytes);
    const problem = problemOf(file, bytes, projectRoot, needle);
    if (problem) problems.push(problem);
    await betweenFiles();
  }
  return { problems, manifest };
}
