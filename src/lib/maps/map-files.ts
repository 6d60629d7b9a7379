/**
 * The map files of a build: for each distinct (location, language) one SVG for pages and
 * one 1200×630 PNG for social cards, drawn once and kept in a cache folder
 * (`<cacheDir>/dateline/maps/`), keyed by a digest of every input of the drawing and
 * {@link MAP_VERSION}. A cached pair is used only when its bytes still match the SHA-256
 * written beside them (a truncated or edited cache file is drawn again).
 *
 * The build copies exactly the files listed ({@link DerivedFile}s) into the output when
 * Astro is done (`src/lib/derived-files.ts`).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { drawLocatorMap, MAP_VERSION, type MapLocation } from './draw.ts';
import { rasteriseMap } from './raster.ts';
import { mapPath } from '../urls.ts';
import { sha256Hex, writeFileAtomic } from '../cache-file.ts';
import type { DerivedFile } from '../derived-files.ts';


/** An image of a map as pages use it. */
export interface MapImage {
  /** Root-relative URL (`mapPath`). */
  path: string;
  width: number;
  height: number;
  type: string;
  bytes: number;
}

/** A drawn locator map as the content model carries it. */
export interface ArticleMap {
  /** The SVG for pages (400×250 intrinsic size). */
  svg: MapImage;
  /** The PNG social card (1200×630). */
  og: MapImage;
  /** Text alternative of both. */
  alt: string;
  /** The caption: the location's name. */
  caption: string;
  /** Primary language subtag of the labels. */
  lang: string;
}

/** Size of the page map and of the social card, in px. */
export const PAGE_MAP = { width: 400, height: 250 } as const;
export const OG_MAP = { width: 1200, height: 630 } as const;

/** Digest of a map's inputs: 16 base64url characters of SHA-256 over version, language, alt template and the location. */
export function mapDigest(location: MapLocation, lang: string, altTemplate: string): string {
  const canonical = {
    name: location.name, lat: location.lat, lon: location.lon, zoom: location.zoom, bbox: location.bbox, country: location.country,
    places: location.places?.map((p) => ({ name: p.name, lat: p.lat, lon: p.lon })),
  };
  return createHash('sha256').update(JSON.stringify([MAP_VERSION, lang, altTemplate, canonical])).digest('base64url').slice(0, 16).replace(/[-_]/g, 'x');
}

interface Meta { svgSha: string; pngSha: string; alt: string; svgBytes: number; pngBytes: number }


/** Counts of one {@link MapFiles} run. */
export interface MapStats { drawn: number; reused: number }

/** Draws or reuses map files in one cache folder; one instance per build. */
export class MapFiles {
  readonly stats: MapStats = { drawn: 0, reused: 0 };
  private readonly files = new Map<string, DerivedFile>();
  private readonly done = new Map<string, Promise<ArticleMap>>();
  private readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
  }

  /** The map of `location` in language `lang` (drawn now, or from the cache). */
  map(location: MapLocation, lang: string, altTemplate: string): Promise<ArticleMap> {
    const digest = mapDigest(location, lang, altTemplate);
    let p = this.done.get(digest);
    if (!p) {
      p = this.load(digest, location, lang, altTemplate);
      this.done.set(digest, p);
    }
    return p;
  }

  /** Every file to copy into the output, in a stable order. */
  derivedFiles(): DerivedFile[] {
    return [...this.files.values()].sort((a, b) => a.outputPath.localeCompare(b.outputPath));
  }

  private async load(digest: string, location: MapLocation, lang: string, altTemplate: string): Promise<ArticleMap> {
    const svgFile = path.join(this.dir, `${digest}.svg`);
    const pngFile = path.join(this.dir, `${digest}-og.png`);
    const metaFile = path.join(this.dir, `${digest}.json`);
    let meta = readMeta(metaFile, svgFile, pngFile);
    if (meta) this.stats.reused++;
    else {
      const page = drawLocatorMap(location, { ...PAGE_MAP, lang, altTemplate });
      const card = drawLocatorMap(location, { ...OG_MAP, lang, altTemplate, scale: 2.1 });
      const png = await rasteriseMap(card.svg);
      fs.mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(svgFile, page.svg);
      writeFileAtomic(pngFile, png);
      meta = { svgSha: sha256Hex(page.svg), pngSha: sha256Hex(png), alt: page.alt, svgBytes: Buffer.byteLength(page.svg), pngBytes: png.length };
      writeFileAtomic(metaFile, JSON.stringify(meta));
      this.stats.drawn++;
    }
    const svg: MapImage = { path: mapPath(digest, 'svg'), ...PAGE_MAP, type: 'image/svg+xml', bytes: meta.svgBytes };
    const og: MapImage = { path: mapPath(digest, 'og'), ...OG_MAP, type: 'image/png', bytes: meta.pngBytes };
    this.files.set(svg.path, { outputPath: svg.path, cacheFile: svgFile, bytes: svg.bytes, type: svg.type });
    this.files.set(og.path, { outputPath: og.path, cacheFile: pngFile, bytes: og.bytes, type: og.type });
    return { svg, og, alt: meta.alt, caption: location.name, lang };
  }
}

/** The cached meta when both files exist and match their recorded SHA-256, else null. */
function readMeta(metaFile: string, svgFile: string, pngFile: string): Meta | null {
  try {
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Meta;
    if (sha256Hex(fs.readFileSync(svgFile)) !== meta.svgSha || sha256Hex(fs.readFileSync(pngFile)) !== meta.pngSha) return null;
    return meta;
  } catch {
    return null;
  }
}

