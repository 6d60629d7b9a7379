/**
 * Picture source files: where an editor's `src` points, and whether the file may be used
 * (docs/adr/0014-pictures.md). Every rule gives one problem message; the caller adds file,
 * line and field.
 *
 * Rules (in order):
 * - `src` is a relative path (no URL scheme, not absolute) resolved against the article's
 *   folder, and the result stays inside the content tree;
 * - the file exists and is a regular file (a symbolic link is never followed, like content files);
 * - at most {@link MAX_PICTURE_BYTES} bytes, checked with `stat` before anything is read;
 * - JPEG, PNG, WebP or AVIF by its content (sharp reads the header only), at most
 *   {@link MAX_PICTURE_PIXELS} pixels;
 * - a lead picture is at least {@link MIN_LEAD_WIDTH} px wide (upright, after EXIF orientation):
 *   Google Discover and the JSON-LD crops need 1,200 px.
 * Then the file's SHA-256 is computed while streaming it (never read whole).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';

/** Largest source file accepted, in bytes (20 MiB): a camera JPEG is 5–15 MB. */
export const MAX_PICTURE_BYTES = 20 * 1024 * 1024;
/** Largest source accepted, in pixels (width × height; 50 megapixels). */
export const MAX_PICTURE_PIXELS = 50_000_000;
/** Narrowest lead picture, in pixels. */
export const MIN_LEAD_WIDTH = 1200;
/** Accepted source formats (sharp's names) and their MIME types. */
export const SOURCE_FORMATS: Readonly<Record<string, string>> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

/** What the pictures stage knows about a usable source file. */
export interface SourceInfo {
  /** Absolute path. */
  file: string;
  /** Upright size in pixels (EXIF orientation applied). */
  width: number;
  height: number;
  /** `jpeg`, `png`, `webp` or `avif`. */
  format: string;
  /** Size of the file in bytes. */
  bytes: number;
  /** SHA-256 of the file, hex. */
  sha256: string;
}

/** Whether `src` is written as a local file path (relative, no scheme, no query): the only form pictures take. */
export function isLocalImageSrc(src: string): boolean {
  return src !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('/') && !src.startsWith('\\') && !/[?#]/.test(src);
}

/**
 * The absolute file `src` names, resolved against the folder of `articleFile` (absolute), or
 * a problem message when it is not a local path or leaves `contentRoot`.
 */
export function resolveSource(articleFile: string, src: string, contentRoot: string): { ok: true; file: string } | { ok: false; message: string } {
  if (!isLocalImageSrc(src)) return { ok: false, message: `"${src}" is not a path to a file beside the article: write a relative path such as ./harbour.jpg` };
  let decoded = src;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return { ok: false, message: `"${src}" has a malformed percent-escape` };
  }
  const file = path.resolve(path.dirname(articleFile), decoded);
  const root = path.resolve(contentRoot);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return { ok: false, message: `"${src}" points outside the content tree (${path.basename(root)}/): keep pictures beside the articles that use them` };
  }
  return { ok: true, file };
}

const formatMegabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Check one source file (rules in the module comment) and compute its SHA-256.
 * @param role - `lead` pictures must be {@link MIN_LEAD_WIDTH} px wide; body pictures may be smaller.
 * @param shown - the path as the editor wrote it, for messages.
 */
export async function inspectSource(file: string, role: 'lead' | 'body', shown: string): Promise<{ ok: true; info: SourceInfo } | { ok: false; message: string }> {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return { ok: false, message: `picture file not found: ${shown} (put the file beside the article, or correct the path)` };
  }
  if (stat.isSymbolicLink()) return { ok: false, message: `${shown} is a symbolic link: links are not followed; replace it with the file itself` };
  if (!stat.isFile()) return { ok: false, message: `${shown} is not a file` };
  if (stat.size > MAX_PICTURE_BYTES) {
    return { ok: false, message: `${shown} is ${formatMegabytes(stat.size)}: the limit is ${formatMegabytes(MAX_PICTURE_BYTES)}; export a smaller JPEG (2,400 px wide is plenty)` };
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, message: `${shown} is not a picture in a supported format: use JPEG, PNG, WebP or AVIF` };
  }
  const format = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
  if (!format || !(format in SOURCE_FORMATS)) {
    return { ok: false, message: `${shown} is ${format ? format.toUpperCase() : 'an unknown format'}, which is not supported: use JPEG, PNG, WebP or AVIF` };
  }
  const width = metadata.autoOrient?.width ?? metadata.width;
  const height = metadata.autoOrient?.height ?? metadata.height;
  if (!width || !height) return { ok: false, message: `${shown}: its size cannot be read` };
  if (width * height > MAX_PICTURE_PIXELS) {
    return { ok: false, message: `${shown} is ${width}×${height} px (${Math.round((width * height) / 1e6)} megapixels): the limit is ${MAX_PICTURE_PIXELS / 1e6} megapixels; export it smaller` };
  }
  if (role === 'lead' && width < MIN_LEAD_WIDTH) {
    return { ok: false, message: `${shown} is ${width} px wide: a lead picture must be at least ${MIN_LEAD_WIDTH.toLocaleString('en-GB')} px wide (Google Discover, and the 1,200 px social and structured-data crops)` };
  }
  return { ok: true, info: { file, width, height, format, bytes: stat.size, sha256: await sha256File(file) } };
}

/** SHA-256 (hex) of a file, streamed in chunks. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
