/**
 * A verified cache of the Pagefind bundles, so a build whose indexed pages are byte for byte
 * those of the last build copies the last build's search index instead of building it again.
 * Pagefind has no incremental mode: indexing costs about 2–4 ms per article page (measured at
 * 1,000 pages: 4.5 s of a 10.9 s no-change rebuild), so at 10,000 and 100,000 articles it
 * would dominate every rebuild.
 *
 * The key ({@link searchInputDigest}) is a SHA-256 over the Pagefind version and, per bundle,
 * its language and every page handed to it (path and full HTML): any change to what would
 * be indexed misses. The cached copy lives in `<dir>/` (one folder per bundle) with
 * `record.json` holding the key and the SHA-256 of every cached file; a restore re-hashes each
 * file first, and anything missing, extra or different (a damaged or edited cache) means no
 * restore: the index is built again (docs/adr/0009-atomic-builds-and-verified-restores.md
 * applies the same rule to pages).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** What one bundle indexes: its folder name under the output, its language, its pages. */
export interface SearchInput {
  dir: string;
  language: string;
  pages: readonly { sourcePath: string; content: string }[];
}

interface SearchRecord {
  key: string;
  /** Path relative to the cache folder (forward slashes) → SHA-256 (hex). */
  files: Record<string, string>;
}

const RECORD = 'record.json';

/**
 * Cache key of the indexes built from `inputs` by Pagefind `version`: SHA-256 (base64url).
 * Pages are taken in the order given (callers pass them sorted).
 */
export function searchInputDigest(version: string, inputs: readonly SearchInput[]): string {
  const hash = createHash('sha256').update(`pagefind ${version}`);
  for (const input of inputs) {
    hash.update(`\u0000bundle\u0000${input.dir}\u0000${input.language}\u0000${input.pages.length}`);
    for (const page of input.pages) hash.update(`\u0000${page.sourcePath}\u0000`).update(page.content);
  }
  return hash.digest('base64url');
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

/**
 * Copy the cached bundles `dirs` into `outDir` when the cache in `cacheDir` holds exactly
 * the indexes for `key` and every cached file still has its recorded digest.
 * @returns `restored`, or why not (`no cache`, `changed`, or `damaged: <file>`); nothing is
 *   written into `outDir` unless it returns `restored`.
 */
export async function restoreSearchIndex(cacheDir: string, key: string, dirs: readonly string[], outDir: string): Promise<'restored' | 'no cache' | 'changed' | `damaged: ${string}`> {
  let record: SearchRecord;
  try {
    record = JSON.parse(await fs.readFile(path.join(cacheDir, RECORD), 'utf8')) as SearchRecord;
  } catch {
    return 'no cache';
  }
  if (record.key !== key) return 'changed';
  const present: string[] = [];
  for (const dir of dirs) {
    try {
      present.push(...(await listFiles(path.join(cacheDir, dir))).map((f) => `${dir}/${f}`));
    } catch {
      return `damaged: ${dir}/ is missing`;
    }
  }
  const recorded = Object.keys(record.files).sort();
  present.sort();
  if (present.join('\n') !== recorded.join('\n')) {
    const odd = present.find((f) => !(f in record.files)) ?? recorded.find((f) => !present.includes(f)) ?? '?';
    return `damaged: ${odd} is ${present.includes(odd) ? 'not in the record' : 'missing'}`;
  }
  for (const file of recorded) {
    if ((await sha256Of(path.join(cacheDir, file))) !== record.files[file]) return `damaged: ${file} differs from its recorded digest`;
  }
  for (const dir of dirs) await fs.cp(path.join(cacheDir, dir), path.join(outDir, dir), { recursive: true });
  return 'restored';
}

/**
 * Replace the cache in `cacheDir` with the bundles `dirs` just written to `outDir`, under `key`.
 * The record is written last, so an interrupted store leaves no record and the next build
 * indexes again.
 */
export async function storeSearchIndex(cacheDir: string, key: string, dirs: readonly string[], outDir: string): Promise<void> {
  await fs.rm(cacheDir, { recursive: true, force: true });
  await fs.mkdir(cacheDir, { recursive: true });
  const files: Record<string, string> = {};
  for (const dir of dirs) {
    await fs.cp(path.join(outDir, dir), path.join(cacheDir, dir), { recursive: true });
    for (const f of await listFiles(path.join(cacheDir, dir))) files[`${dir}/${f}`] = await sha256Of(path.join(cacheDir, dir, f));
  }
  await fs.writeFile(path.join(cacheDir, RECORD), JSON.stringify({ key, files } satisfies SearchRecord));
}
