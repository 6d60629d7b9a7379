/**
 * Files the build derives from content besides pages and feeds — picture variants today,
 * locator maps later — listed in the content model and copied into the output when Astro is
 * done (`src/integrations/dateline.ts`). Only files the model lists are copied, so a picture
 * of an article that is not published (a draft, an embargoed story) never reaches the output,
 * and a file no longer used disappears with the next build.
 *
 * A derived file lives in a cache under Astro's cacheDir (named by a digest of its inputs)
 * and is written to `outputPath` in the output folder.
 */
import fs from 'node:fs';
import path from 'node:path';

/** One file the build writes from a cached copy. */
export interface DerivedFile {
  /** Root-relative URL path in the output, e.g. `/images/harbour-800x450-ab12cd34ef.avif` (from `src/lib/urls.ts`). */
  outputPath: string;
  /** Absolute path of the cached copy. */
  cacheFile: string;
  /** Size in bytes (the feeds' enclosure length). */
  bytes: number;
  /** MIME type, e.g. `image/avif`. */
  type: string;
}

/** Thrown when a derived file cannot be copied (a cached copy vanished or changed size). */
export class DerivedFileError extends Error {
  override name = 'DerivedFileError';
}

/**
 * The list without duplicates (two articles may share a picture), sorted by output path.
 * @throws {DerivedFileError} when two entries claim one output path with different sources.
 */
export function uniqueDerivedFiles(files: Iterable<DerivedFile>): DerivedFile[] {
  const byPath = new Map<string, DerivedFile>();
  for (const f of files) {
    const earlier = byPath.get(f.outputPath);
    if (earlier && earlier.cacheFile !== f.cacheFile) throw new DerivedFileError(`${f.outputPath} is derived from both ${earlier.cacheFile} and ${f.cacheFile}`);
    byPath.set(f.outputPath, f);
  }
  return [...byPath.values()].sort((a, b) => (a.outputPath < b.outputPath ? -1 : a.outputPath > b.outputPath ? 1 : 0));
}

/**
 * Copy every derived file into `outDir` (absolute) at its output path. Checks each copy's
 * size against the list (the feeds announced that length).
 * @returns the number of files and bytes copied.
 * @throws {DerivedFileError} when a cached copy is missing or its size differs.
 */
export async function copyDerivedFiles(files: readonly DerivedFile[], outDir: string): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  const made = new Set<string>();
  for (const f of files) {
    const target = path.join(outDir, ...f.outputPath.split('/').filter(Boolean));
    const dir = path.dirname(target);
    if (!made.has(dir)) {
      await fs.promises.mkdir(dir, { recursive: true });
      made.add(dir);
    }
    try {
      await fs.promises.copyFile(f.cacheFile, target);
    } catch (error) {
      throw new DerivedFileError(`${f.outputPath}: its cached copy ${f.cacheFile} cannot be copied (${(error as Error).message})`);
    }
    const size = (await fs.promises.stat(target)).size;
    if (size !== f.bytes) throw new DerivedFileError(`${f.outputPath}: the cached copy is ${size} bytes, the model says ${f.bytes}`);
    bytes += size;
  }
  return { files: files.length, bytes };
}
