/**
 * Pictures as the content model carries them (docs/adr/0014-pictures.md): every variant the
 * pages, feeds, head and sitemap may use, with its URL path, pixel size, byte length and
 * type, decided once by the pictures stage (`stage.ts`). Plain data: the model is written
 * with structured clone, and a page's cache key covers it through the article's fingerprint.
 */

/** One derived picture file. */
export interface ImageFile {
  /** Root-relative URL path (`picturePath`). */
  path: string;
  /** Pixels. */
  width: number;
  height: number;
  /** Bytes of the file. */
  bytes: number;
  /** MIME type: `image/avif`, `image/webp` or `image/jpeg`. */
  type: string;
}

/** One crop at several widths in each format, narrowest first; JPEG is the fallback every reader shows. */
export interface ResponsiveSet {
  /** Intrinsic aspect of the set: width and height of its widest JPEG. */
  width: number;
  height: number;
  avif: ImageFile[];
  webp: ImageFile[];
  jpeg: ImageFile[];
}

/** A body picture (`![alt](./file.jpg)`): the uncropped set; alt and title come from the Markdown. */
export interface BodyPicture {
  full: ResponsiveSet;
}

/** An article's lead picture (`image:` in the frontmatter) with every crop. */
export interface LeadPicture {
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
  /** The uncropped picture for the article page. */
  full: ResponsiveSet;
  /** 16:9 crop for cards and the front page. */
  card: ResponsiveSet;
  /** 1200×630 JPEG: `og:image`, `twitter:image`. */
  og: ImageFile;
  /** 1,200 px wide JPEGs at 16:9, 4:3 and 1:1: JSON-LD `image`. */
  structured: ImageFile[];
}
