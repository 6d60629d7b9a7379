/**
 * The two primitives every cache of the build shares (rendered bodies, picture variants,
 * locator maps, the search index, verified restores): the SHA-256 a cached file is checked
 * against, and writing a cache file so that an interrupted write never leaves a partial file
 * under the real name.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of `data` (a string is hashed as UTF-8), as 64 lower-case hex characters. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Write `data` to `file` atomically: to `<file>.<pid>.tmp` first, then rename over `file`
 * (a rename within one folder is atomic on POSIX file systems). The folder must exist.
 * @throws the file system's error when the write or the rename fails.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
