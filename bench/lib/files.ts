/**
 * File helpers for the benchmark: a private copy of the project to build in, and the size
 * of a build's output.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Page count and size of a build's output directory. */
export interface OutputStats {
  /** Number of `.html` files. */
  pages: number;
  /** Size of all files, in bytes. */
  bytes: number;
}

/** Top-level paths (relative to the project) that are never copied into the benchmark copy. */
const SKIP_PATHS = new Set(['node_modules', 'dist', '.git', path.join('bench', 'out'), 'test-results', 'playwright-report']);
/** Directory names skipped at any depth: Astro's own state and caches. */
const SKIP_NAMES = new Set(['.astro', 'node_modules']);
/**
 * Dot-entries of node_modules that are linked into the copy; every other dot-entry (`.astro`,
 * `.astro-trees`, `.vite`, `.vite-temp`, `.cache`…) is a cache or build state and is left out.
 */
const LINKED_DOT_ENTRIES = new Set(['.bin', '.package-lock.json']);

/** Count `.html` files and total bytes of every file under `dir`; a missing dir gives zeros. */
export function outputStats(dir: string): OutputStats {
  if (!fs.existsSync(dir)) return { pages: 0, bytes: 0 };
  let pages = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, bytes };
}

/** Whether any `.html` file under `dir` contains `needle` (used to prove an edit reached the output). */
export function htmlContains(dir: string, needle: string): boolean {
  if (!fs.existsSync(dir)) return false;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.html') && fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8').includes(needle)) return true;
  }
  return false;
}

/** Delete each path if it exists (recursively). */
export function removeAll(paths: string[]): void {
  for (const p of paths) fs.rmSync(p, { recursive: true, force: true });
}

/**
 * Copy the project at `src` to `dest` without node_modules, build output, caches or git data,
 * then give the copy a real `node_modules/` directory whose entries are symlinks to
 * `src/node_modules/*` except cache folders, so whatever a build writes into `node_modules/`
 * (Astro's cacheDir, Vite's cache) is private to the copy.
 */
export function copyProject(src: string, dest: string): void {
  removeAll([dest]);
  fs.cpSync(src, dest, {
    recursive: true,
    verbatimSymlinks: true,
    filter: (from) => {
      const rel = path.relative(src, from);
      return !SKIP_PATHS.has(rel) && !SKIP_NAMES.has(path.basename(from));
    },
  });
  linkNodeModules(path.join(src, 'node_modules'), path.join(dest, 'node_modules'));
}

/** Create `dest` as a directory of symlinks to the entries of `src` (a node_modules), skipping caches. */
export function linkNodeModules(src: string, dest: string): void {
  fs.mkdirSync(dest, { recursive: true });
  for (const name of fs.readdirSync(src)) {
    if (name.startsWith('.') && !LINKED_DOT_ENTRIES.has(name)) continue;
    fs.symlinkSync(path.join(src, name), path.join(dest, name));
  }
}

/**
 * Delete everything in a linked `node_modules` (see {@link linkNodeModules}) that is not one of
 * the symlinks: the caches and build state a build created there, wherever it put them.
 */
export function clearNodeModulesState(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isSymbolicLink()) fs.rmSync(path.join(dir, entry.name), { recursive: true, force: true });
  }
}

/** Append `text` to a file and return the original content, for {@link restoreFile}. */
export function appendToFile(file: string, text: string): string {
  const original = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, `${original.trimEnd()}\n\n${text}\n`);
  return original;
}

/** Write back a file's original content. */
export function restoreFile(file: string, original: string): void {
  fs.writeFileSync(file, original);
}
