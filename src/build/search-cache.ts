/**
 * A verified cache of one search shard's Pagefind bundle (src/lib/search/shards.ts), so a
 * build whose pages of that shard are byte for byte those of the last build copies the last
 * build's files instead of indexing the shard again.
 * Pagefind has no incremental mode: indexing costs about 2–4 ms per article page (measured at
 * 1,000 pages: 4.5 s of a 10.9 s no-change rebuild), so at 10,000 and 100,000 articles it
 * would dominate every rebuild.
 *
 * The key ({@link SearchDigest}) is a SHA-256 over the Pagefind version, the shard's folder
 * and language, and every page handed to it (path and the SHA-256 of its full HTML): any
 * change to what would be indexed misses. The cached copy lives in `<dir>/` with
 * `record.json` holding the key and the SHA-256 of every cached file; a restore re-hashes each
 * file first, and anything missing, extra or different (a damaged or edited cache) means no
 * restore: the index is built again (docs/adr/0009-atomic-builds-and-verified-restores.md
 * applies the same rule to pages).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { sha256Hex } from '../lib/cache-file.ts';

/** Files read, hashed or copied at once: a shard is thousands of small files (one fragment per page), and one at a time the disk waits on each. */
const CONCURRENCY = 16;

/**
 * The cache key of a search shard, fed one page at a time so a build never holds every
 * page in memory (100,000 article pages are gigabytes of HTML): a SHA-256 (base64url) over
 * the Pagefind version and indexing method and, per page in the order given (callers go in sorted path order),
 * the shard's folder, its language, the page's path and the SHA-256 (hex) of its full HTML.
 */
export class SearchDigest {
  private readonly hash = createHash('sha256');
  /** @param indexer the Pagefind version and how pages are handed to it (a change indexes again). */
  constructor(indexer: string) {
    this.hash.update(`pagefind ${indexer}`);
  }
  /** Add one page handed to the shard folder `dir` (index language `language`); `pageDigest` is the SHA-256 of its HTML. */
  add(dir: string, language: string, sourcePath: string, pageDigest: string): void {
    this.hash.update(`\u0000${dir}\u0000${language}\u0000${sourcePath}\u0000${pageDigest}`);
  }
  /** The key; call once, after the last page. */
  digest(): string {
    return this.hash.digest('base64url');
  }
}

interface SearchRecord {
  key: string;
  /** Path relative to the cache folder (forward slashes) → SHA-256 (hex). */
  files: Record<string, string>;
}

const RECORD = 'record.json';

async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/')).sort();
}

async function sha256Of(file: string): Promise<string> {
  return sha256Hex(await fs.readFile(file));
}

/**
 * Copy the cached bundles `dirs` into `outDir` when the cache in `cacheDir` holds exactly
 * the indexes for `key` and every cached file still has its recorded digest.
 * @returns `restored`, or why not (`no cache`, `changed`, or `damaged: <what>`, also for a
 *   record that is unreadable, or missing beside cached files); nothing is
 *   written into `outDir` unless it returns `restored`.
 */
export async function restoreSearchIndex(cacheDir: string, key: string, dirs: readonly string[], outDir: string): Promise<'restored' | 'no cache' | 'changed' | `damaged: ${string}`> {
  let text: string;
  try {
    text = await fs.readFile(path.join(cacheDir, RECORD), 'utf8');
  } catch {
    // No record: no cache, unless cached files are there without it (a deleted record).
    const left = await fs.readdir(cacheDir).catch(() => [] as string[]);
    return left.length ? `damaged: ${RECORD} is missing` : 'no cache';
  }
  let record: SearchRecord;
  try {
    record = JSON.parse(text) as SearchRecord;
    if (typeof record.key !== 'string' || typeof record.files !== 'object' || record.files === null) throw new TypeError('not a record');
  } catch {
    return `damaged: ${RECORD} is not a valid record`;
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
  const digests = await pMap(recorded, (file) => sha256Of(path.join(cacheDir, file)), { concurrency: CONCURRENCY });
  const damaged = recorded.find((file, i) => digests[i] !== record.files[file]);
  if (damaged !== undefined) return `damaged: ${damaged} differs from its recorded digest`;
  for (const folder of new Set(recorded.map((f) => path.posix.dirname(f)))) await fs.mkdir(path.join(outDir, folder), { recursive: true });
  await pMap(recorded, (file) => fs.copyFile(path.join(cacheDir, file), path.join(outDir, file)), { concurrency: CONCURRENCY });
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
  const written: string[] = [];
  for (const dir of dirs) written.push(...(await listFiles(path.join(outDir, dir))).map((f) => `${dir}/${f}`));
  for (const folder of new Set(written.map((f) => path.posix.dirname(f)))) await fs.mkdir(path.join(cacheDir, folder), { recursive: true });
  // Each file is read once: hashed, and written to the cache from the same bytes.
  const digests = await pMap(written, async (file) => {
    const bytes = await fs.readFile(path.join(outDir, file));
    await fs.writeFile(path.join(cacheDir, file), bytes);
    return sha256Hex(bytes);
  }, { concurrency: CONCURRENCY });
  written.forEach((file, i) => (files[file] = digests[i]!));
  await fs.writeFile(path.join(cacheDir, RECORD), JSON.stringify({ key, files } satisfies SearchRecord));
}
