/**
 * Rendered article bodies on disk, one file per body digest, under the build's cache
 * directory (Astro's `cacheDir`, so CI that keeps `node_modules/.astro` keeps it too):
 * `<dir>/<first 2 chars>/<digest>.json` holding `{ html, problems, articleLinks, images }`.
 *
 * A body is rendered once per digest and survives between builds; pages and feeds read it
 * when they write it, so no process ever holds every body in memory (at 100,000 articles
 * the bodies alone are about 0.8 GB of HTML). Entries are immutable: the same digest
 * always has the same content, so concurrent writers cannot disagree; a write goes to a
 * temporary name and is renamed into place.
 *
 * Each entry carries the SHA-256 of its own content (`sha256`, hex, over the JSON of
 * `{ html, problems, articleLinks, images }`). An entry that is truncated, unparsable or edited
 * (an injected script, say) does not match it and counts as missing: the pipeline renders
 * that body again and overwrites it, so a damaged cache costs time, never a wrong page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RenderedBody } from './body.ts';
import type { BodyStore } from './pipeline.ts';
import { sha256Hex, writeFileAtomic } from '../cache-file.ts';

/** Thrown when a page asks for a body the content pipeline did not render. */
export class MissingBodyError extends Error {
  override name = 'MissingBodyError';
}

function fileOf(dir: string, digest: string): string {
  return path.join(dir, digest.slice(0, 2), `${digest}.json`);
}


/** The body stored in `file`, or undefined when it is missing, unreadable or fails its own checksum. */
function readEntry(file: string): RenderedBody | undefined {
  try {
    const { sha256: recorded, ...body } = JSON.parse(fs.readFileSync(file, 'utf8')) as RenderedBody & { sha256?: string };
    return recorded === sha256Hex(JSON.stringify(body)) ? { ...(body as RenderedBody), images: (body as Partial<RenderedBody>).images ?? [] } : undefined;
  } catch {
    return undefined;
  }
}

/** A {@link BodyStore} in directory `dir` (created on demand). Counts hits and renders for the build log. */
export function diskBodyStore(dir: string): BodyStore & { stats: { reused: number; rendered: number } } {
  const stats = { reused: 0, rendered: 0 };
  const made = new Set<string>();
  return {
    stats,
    get(digest) {
      const body = readEntry(fileOf(dir, digest));
      if (body) stats.reused++;
      return body;
    },
    set(digest, body) {
      stats.rendered++;
      const file = fileOf(dir, digest);
      const sub = path.dirname(file);
      if (!made.has(sub)) {
        fs.mkdirSync(sub, { recursive: true });
        made.add(sub);
      }
      const { html, problems, articleLinks, images } = body;
      const content = { html, problems, articleLinks, images };
      writeFileAtomic(file, JSON.stringify({ ...content, sha256: sha256Hex(JSON.stringify(content)) }));
    },
  };
}

/**
 * The rendered HTML of the body with `digest` (sanitised, root-relative links).
 * @throws {MissingBodyError} when the cache has no such body, or one that fails its checksum
 * (the pipeline did not run for this build, or the entry was damaged after it ran).
 */
export function readBodyHtml(dir: string, digest: string): string {
  const body = readEntry(fileOf(dir, digest));
  if (!body) throw new MissingBodyError(`body ${digest} is missing from the body cache ${dir}, or damaged`);
  return body.html;
}
