/**
 * Verified restores for Astro's incremental build.
 *
 * Astro (`experimental.incrementalBuild`) keeps a copy of every page it rendered under
 * `<cacheDir>/dist/` and, when a page's cache key and code are unchanged, copies that file
 * into the output instead of rendering the page again — without checking it. It also keeps
 * its manifest (`incremental-build.json`) and the content store (`data-store.json`) there.
 * A truncated or edited copy would be published as it is, build after build.
 *
 * Dateline records, after every successful build, the SHA-256 of each cached page (taken
 * from the page it just published, so the digest is that of the rendered page) and of the
 * manifest and the store, in `<cacheDir>/dateline-digests.json`. Before the next build,
 * {@link verifyCache} checks the cache against that record:
 * - a cached page whose bytes differ from its digest, or that has none, is deleted, so Astro
 *   renders that page again (it renders any page whose cached copy is missing);
 * - a recorded page whose copy is gone is reported (Astro renders it again by itself);
 * - a manifest or store that differs from its digest (a build that failed after Astro rewrote
 *   them, or damage) is replaced by the copy the last good build kept in
 *   `<cacheDir>/dateline-snapshot/`, when that copy matches the digest; otherwise, and when
 *   the record itself is missing or unreadable, the cache is emptied: a cold build, never a
 *   wrong one.
 *
 * {@link recordCache} takes the digest of each page copy from the verification when the copy's
 * size, mtime and inode are those {@link verifyCache} saw (Astro left it alone: it only reads
 * the copies it restores); a copy Astro wrote or rewrote during the build is read and hashed.
 * Either way a copy whose digest differs from the page just published is deleted, never
 * recorded. The trust within one build is by stat: a same-size edit made during the build
 * that also puts the mtime back is not noticed until the next {@link verifyCache}, which
 * hashes every copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../lib/cache-file.ts';

const RECORD_FILE = 'dateline-digests.json';
const RECORD_VERSION = 1;
/** Files of the cache folder that Astro trusts without checking, besides the page copies. */
const GUARDED_FILES = ['incremental-build.json', 'data-store.json'] as const;
const PAGES_DIR = 'dist';
/** Copies of the guarded files as the last successful build left them. */
const SNAPSHOT_DIR = 'dateline-snapshot';

interface DigestRecord {
  version: number;
  /** Path relative to `<cacheDir>/dist/` (forward slashes) → SHA-256 hex of the page. */
  pages: Record<string, string>;
  /** Name of a guarded file → SHA-256 hex, or null when it did not exist. */
  guarded: Record<string, string | null>;
}

/** A page copy as {@link verifyCache} read it: its SHA-256 hex and its stat at that moment. */
export interface VerifiedCopy {
  digest: string;
  /** Bytes. */
  size: number;
  /** Last modification, ms since the epoch (fs.Stats.mtimeMs). */
  mtimeMs: number;
  ino: number;
}

/** What {@link verifyCache} found and did, for the build log and for {@link recordCache}. */
export interface CacheVerification {
  /** Pages whose cached copies were kept (they match their digests). */
  verified: number;
  /** One line per page that will be rendered again, with the reason. */
  rerender: string[];
  /** Set when the whole cache was emptied, with the reason. */
  cold?: string;
  /** Guarded files put back from the last good build's snapshot, with the reason. */
  restored: string[];
  /** Each kept copy (path relative to `<cacheDir>/dist/`) with its digest and stat. */
  kept: Map<string, VerifiedCopy>;
}

/** SHA-256 hex of a file's bytes. */
export function fileDigest(file: string): string {
  return sha256Hex(fs.readFileSync(file));
}

/** Every file under `dir` as paths relative to it with forward slashes; [] when `dir` is absent. */
export function listTree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/** Read `file` once, with the stat of the same open file: what {@link recordCache} later compares. */
function readCopy(file: string): VerifiedCopy {
  const fd = fs.openSync(file, 'r');
  try {
    const { size, mtimeMs, ino } = fs.fstatSync(fd);
    return { digest: sha256Hex(fs.readFileSync(fd)), size, mtimeMs, ino };
  } finally {
    fs.closeSync(fd);
  }
}

/** True when `stat` is the stat recorded in `copy` (same size, mtime and inode). */
function sameStat(copy: VerifiedCopy, stat: fs.Stats): boolean {
  return copy.size === stat.size && copy.mtimeMs === stat.mtimeMs && copy.ino === stat.ino;
}

function readRecord(cacheDir: string): DigestRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(path.join(cacheDir, RECORD_FILE), 'utf8')) as DigestRecord;
    if (record.version !== RECORD_VERSION || typeof record.pages !== 'object' || typeof record.guarded !== 'object') return undefined;
    return record;
  } catch {
    return undefined;
  }
}

function guardedDigest(cacheDir: string, name: string): string | null {
  const file = path.join(cacheDir, name);
  return fs.existsSync(file) ? fileDigest(file) : null;
}

/** Delete everything the incremental build would trust: page copies, manifest, store, record. */
function emptyCache(cacheDir: string): void {
  fs.rmSync(path.join(cacheDir, PAGES_DIR), { recursive: true, force: true });
  fs.rmSync(path.join(cacheDir, SNAPSHOT_DIR), { recursive: true, force: true });
  for (const name of [...GUARDED_FILES, RECORD_FILE]) fs.rmSync(path.join(cacheDir, name), { force: true });
}

/** Put `name` back from the snapshot when the snapshot's copy has the recorded digest; true on success. */
function restoreFromSnapshot(cacheDir: string, name: string, expected: string | null): boolean {
  const copy = path.join(cacheDir, SNAPSHOT_DIR, name);
  if (expected === null) {
    fs.rmSync(path.join(cacheDir, name), { force: true });
    return true;
  }
  if (!fs.existsSync(copy) || fileDigest(copy) !== expected) return false;
  fs.copyFileSync(copy, path.join(cacheDir, name));
  return true;
}

/**
 * Check the incremental-build cache in `cacheDir` (absolute path) before a build and delete
 * whatever does not match the digests recorded by the last successful build (see the module
 * comment). Never throws for a damaged cache: damage makes pages render again.
 * Runs in time linear in the cache's size (each page copy is hashed once); returns, in
 * `kept`, the digest and stat of every copy it kept, for {@link recordCache}.
 */
export function verifyCache(cacheDir: string): CacheVerification {
  const pagesDir = path.join(cacheDir, PAGES_DIR);
  const cached = listTree(pagesDir);
  const hasAnything = cached.length > 0 || GUARDED_FILES.some((f) => fs.existsSync(path.join(cacheDir, f)));
  if (!hasAnything) {
    fs.rmSync(path.join(cacheDir, RECORD_FILE), { force: true });
    return { verified: 0, rerender: [], restored: [], kept: new Map() };
  }
  const record = readRecord(cacheDir);
  if (!record) {
    emptyCache(cacheDir);
    return { verified: 0, rerender: [], restored: [], kept: new Map(), cold: `no valid digest record (${RECORD_FILE}) for the cache: cold build` };
  }
  const restored: string[] = [];
  for (const name of GUARDED_FILES) {
    const expected = record.guarded[name] ?? null;
    if (guardedDigest(cacheDir, name) === expected) continue;
    if (restoreFromSnapshot(cacheDir, name, expected)) {
      restored.push(`${name} differs from its recorded digest (an earlier build failed, or it was changed): put back the last good build's copy`);
      continue;
    }
    emptyCache(cacheDir);
    return { verified: 0, rerender: [], restored: [], kept: new Map(), cold: `${name} in the cache does not match its recorded digest: cold build` };
  }
  const rerender: string[] = [];
  const kept = new Map<string, VerifiedCopy>();
  const present = new Set(cached);
  for (const file of cached) {
    const expected = record.pages[file];
    if (expected === undefined) {
      fs.rmSync(path.join(pagesDir, file), { force: true });
      rerender.push(`/${file}: its cached copy has no recorded digest`);
      continue;
    }
    const copy = readCopy(path.join(pagesDir, file));
    if (copy.digest !== expected) {
      fs.rmSync(path.join(pagesDir, file), { force: true });
      rerender.push(`/${file}: its cached copy does not match the digest recorded when it was rendered`);
    } else {
      kept.set(file, copy);
    }
  }
  for (const file of Object.keys(record.pages)) {
    if (!present.has(file)) rerender.push(`/${file}: its cached copy is missing`);
  }
  return { verified: kept.size, rerender, restored, kept };
}

/**
 * After a successful build, record the digests of the cache in `cacheDir` (absolute path).
 * `published` maps each file of the new output (relative path) to its SHA-256; `kept` is
 * what {@link verifyCache} kept before this build ({@link CacheVerification.kept}). A cached
 * page copy whose size, mtime and inode are still those in `kept` gets the digest verified
 * then, without being read again; any other copy (new, or written during the build) is read
 * and hashed. A copy is recorded with the digest of the page published at the same path; a
 * copy that differs from it (or has no published twin) is deleted instead, so it is never
 * restored.
 */
export function recordCache(cacheDir: string, published: Readonly<Record<string, string>>, kept: ReadonlyMap<string, VerifiedCopy>): void {
  const pagesDir = path.join(cacheDir, PAGES_DIR);
  const pages: Record<string, string> = {};
  for (const file of listTree(pagesDir)) {
    const known = kept.get(file);
    const digest = known && sameStat(known, fs.statSync(path.join(pagesDir, file))) ? known.digest : fileDigest(path.join(pagesDir, file));
    if (published[file] === digest) pages[file] = digest;
    else fs.rmSync(path.join(pagesDir, file), { force: true });
  }
  const guarded: Record<string, string | null> = {};
  const snapshot = path.join(cacheDir, SNAPSHOT_DIR);
  fs.rmSync(snapshot, { recursive: true, force: true });
  fs.mkdirSync(snapshot, { recursive: true });
  for (const name of GUARDED_FILES) {
    guarded[name] = guardedDigest(cacheDir, name);
    if (guarded[name] !== null) fs.copyFileSync(path.join(cacheDir, name), path.join(snapshot, name));
  }
  const record: DigestRecord = { version: RECORD_VERSION, pages, guarded };
  fs.mkdirSync(cacheDir, { recursive: true });
  const tmp = path.join(cacheDir, `${RECORD_FILE}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(record));
  fs.renameSync(tmp, path.join(cacheDir, RECORD_FILE));
}
