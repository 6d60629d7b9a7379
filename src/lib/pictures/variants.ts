/**
 * Picture variants: which files a picture needs (the plan) and how each is made (sharp),
 * cached on disk by a digest of everything that decides its bytes (docs/adr/0014-pictures.md).
 *
 * A variant's key is SHA-256 over {@link PICTURES_VERSION}, the source file's SHA-256, the
 * crop rectangle, the output size, the format and its encoder settings. The cache holds
 * `<dir>/<key[0..2]>/<key>.<ext>` and a `<key>.json` with the file's SHA-256 and length; a
 * copy that does not match its record (truncated, edited) is made again, so a damaged cache
 * costs time, never a wrong picture. Writes go to a temporary name and are renamed into
 * place. The same inputs give the same bytes (sharp/libvips strip metadata; the tests check
 * it), so a rebuild encodes nothing and an edited article re-encodes only its own pictures.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { cropAround, heightAt, responsiveWidths, type CropRect, type Focus } from './crop.ts';
import type { ImageFile, ResponsiveSet } from './model.ts';
import type { SourceInfo } from './sources.ts';
import type { DerivedFile } from '../derived-files.ts';
import { picturePath } from '../urls.ts';
import { sha256Hex, writeFileAtomic } from '../cache-file.ts';

/** Bump when the encoder settings or the way variants are made change: part of every key. */
export const PICTURES_VERSION = 'pictures-1';

/** Output formats, their MIME types and encoder settings. */
export const OUTPUT_FORMATS = {
  avif: { type: 'image/avif', ext: 'avif', options: { quality: 50, effort: 4 } },
  webp: { type: 'image/webp', ext: 'webp', options: { quality: 72, effort: 4 } },
  jpeg: { type: 'image/jpeg', ext: 'jpg', options: { quality: 78, mozjpeg: true, progressive: true } },
} as const;
export type OutputFormat = keyof typeof OUTPUT_FORMATS;

/** Widths of the uncropped set (article page, body pictures): phones at 1× and 2× to wide screens. */
export const FULL_WIDTHS = [400, 800, 1200, 1600] as const;
/** Widths of the 16:9 card set (listing cards; the front page's lead at its largest). */
export const CARD_WIDTHS = [400, 800, 1200] as const;
/** Fixed crops: `og:image` and the three JSON-LD aspect ratios, all 1,200 px wide. */
export const FIXED_CROPS = {
  og: { width: 1200, height: 630 },
  wide: { width: 1200, height: 675 },
  standard: { width: 1200, height: 900 },
  square: { width: 1200, height: 1200 },
} as const;

/** One file to make. */
export interface VariantSpec {
  source: SourceInfo;
  crop: CropRect;
  width: number;
  height: number;
  format: OutputFormat;
  /** Readable part of the output name, e.g. `harbour`. */
  stem: string;
}

/** What {@link VariantCache.make} returns: the model's view and the output's view of one file. */
export interface MadeVariant {
  image: ImageFile;
  derived: DerivedFile;
}

/** The key of a variant: see the module comment. */
export function variantKey(spec: Omit<VariantSpec, 'stem'>): string {
  const { source, crop, width, height, format } = spec;
  return createHash('sha256')
    .update(JSON.stringify([PICTURES_VERSION, source.sha256, crop.left, crop.top, crop.width, crop.height, width, height, format, OUTPUT_FORMATS[format].options]))
    .digest('hex');
}

/** A readable, URL-safe stem of a source file name: `Harbour at Dusk.JPG` → `harbour-at-dusk`. */
export function stemOf(file: string): string {
  const base = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (base || 'picture').slice(0, 60);
}

/** The uncropped set's specs: {@link FULL_WIDTHS} capped at the source width, three formats. */
export function fullSpecs(source: SourceInfo, stem: string): VariantSpec[] {
  const crop = { left: 0, top: 0, width: source.width, height: source.height };
  return setSpecs(source, crop, responsiveWidths(source.width, FULL_WIDTHS), stem);
}

/** The 16:9 card set's specs around `focus`. */
export function cardSpecs(source: SourceInfo, focus: Focus | undefined, stem: string): VariantSpec[] {
  const crop = cropAround(source.width, source.height, 16 / 9, focus);
  return setSpecs(source, crop, responsiveWidths(crop.width, CARD_WIDTHS), stem);
}

/** A fixed-size JPEG crop (og, JSON-LD) around `focus`; enlarged when the crop is narrower than its size. */
export function fixedSpec(source: SourceInfo, size: { width: number; height: number }, focus: Focus | undefined, stem: string): VariantSpec {
  return { source, crop: cropAround(source.width, source.height, size.width / size.height, focus), width: size.width, height: size.height, format: 'jpeg', stem };
}

function setSpecs(source: SourceInfo, crop: CropRect, widths: number[], stem: string): VariantSpec[] {
  const formats: OutputFormat[] = ['avif', 'webp', 'jpeg'];
  return formats.flatMap((format) => widths.map((width) => ({ source, crop, width, height: heightAt(width, crop.width, crop.height), format, stem })));
}

/** Group made variants of one set by format, narrowest first. */
export function toResponsiveSet(made: readonly MadeVariant[]): ResponsiveSet {
  const by = (type: string) => made.map((m) => m.image).filter((i) => i.type === type).sort((a, b) => a.width - b.width);
  const jpeg = by('image/jpeg');
  const widest = jpeg[jpeg.length - 1]!;
  return { width: widest.width, height: widest.height, avif: by('image/avif'), webp: by('image/webp'), jpeg };
}

/** The disk cache of variants under `dir` (created on demand), with counts for the build log. */
export class VariantCache {
  readonly stats = { encoded: 0, reused: 0 };
  readonly #dir: string;
  readonly #pending = new Map<string, Promise<MadeVariant>>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The variant of `spec`, from the cache or encoded now. */
  make(spec: VariantSpec): Promise<MadeVariant> {
    const key = variantKey(spec);
    let pending = this.#pending.get(key);
    if (!pending) {
      pending = this.#make(spec, key);
      this.#pending.set(key, pending);
    }
    return pending;
  }

  async #make(spec: VariantSpec, key: string): Promise<MadeVariant> {
    const { ext, type } = OUTPUT_FORMATS[spec.format];
    const file = path.join(this.#dir, key.slice(0, 2), `${key}.${ext}`);
    const record = `${file.slice(0, -ext.length - 1)}.json`;
    let bytes = await this.#verified(file, record);
    if (bytes === null) {
      const data = await encode(spec);
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      writeFileAtomic(file, data);
      writeFileAtomic(record, JSON.stringify({ bytes: data.length, sha256: sha256Hex(data) }));
      bytes = data.length;
      this.stats.encoded++;
    } else this.stats.reused++;
    const urlPath = picturePath(`${spec.stem}-${spec.width}x${spec.height}-${key.slice(0, 10)}.${ext}`);
    return {
      image: { path: urlPath, width: spec.width, height: spec.height, bytes, type },
      derived: { outputPath: urlPath, cacheFile: file, bytes, type },
    };
  }

  /** Length of the cached copy when it matches its record, else null. */
  async #verified(file: string, record: string): Promise<number | null> {
    try {
      const { bytes, sha256: recorded } = JSON.parse(await fs.promises.readFile(record, 'utf8')) as { bytes: number; sha256: string };
      const data = await fs.promises.readFile(file);
      return data.length === bytes && sha256Hex(data) === recorded ? bytes : null;
    } catch {
      return null;
    }
  }
}

/** Encode one variant: upright, cropped, resized (Lanczos), metadata stripped, sRGB. */
export async function encode(spec: VariantSpec): Promise<Buffer> {
  const { crop, width, height, format } = spec;
  const image = sharp(spec.source.file, { autoOrient: true, limitInputPixels: false })
    .extract(crop)
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .toColourspace('srgb');
  // Transparent PNGs become opaque on white in JPEG (which has no alpha); AVIF and WebP keep it.
  if (format === 'jpeg') image.flatten({ background: '#ffffff' });
  return image.toFormat(format, OUTPUT_FORMATS[format].options).toBuffer();
}
