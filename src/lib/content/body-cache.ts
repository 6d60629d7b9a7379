/**
 * Rendered article bodies on disk, one file per body digest, under the build's cache
 * directory (Astro's `cacheDir`, so CI that keeps `node_modules/.astro` keeps it too):
 * `<dir>/<first 2 chars>/<digest>.json` holding `{ html, problems, articleLinks }`.
 *
 * A body is rendered once per digest and survives between builds; pages and feeds read it
 * when they write it, so no process ever holds every body in memory (at 100,000 articles
 * the bodies alone are about 0.8 GB of HTML). Entries are immutable: the same digest
 * always has the same content, so concurrent writers cannot disagree; a write goes to a
 * temporary name and is renamed into place.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RenderedBody } from './body.ts';
import type { BodyStore } from './pipeline.ts';

/** Thrown when a page asks for a body the content pipeline did not render. */
export class MissingBodyError extends Error {
  override name = 'MissingBodyError';
}

function fileOf(dir: string, digest: string): string {
  return path.join(dir, digest.slice(0, 2), `${digest}.json`);
}

/** A {@link BodyStore} in directory `dir` (created on demand). Counts hits and renders for the build log. */
export function diskBodyStore(dir: string): BodyStore & { stats: { reused: number; rendered: number } } {
  const stats = { reused: 0, rendered: 0 };
  const made = new Set<string>();
  return {
    stats,
    get(digest) {
      try {
        const body = JSON.parse(fs.readFileSync(fileOf(dir, digest), 'utf8')) as RenderedBody;
        stats.reused++;
        return body;
      } catch {
        return undefined;
      }
    },
    set(digest, body) {
      stats.rendered++;
      const file = fileOf(dir, digest);
      const sub = path.dirname(file);
      if (!made.has(sub)) {
        fs.mkdirSync(sub, { recursive: true });
        made.add(sub);
      }
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(body));
      fs.renameSync(tmp, file);
    },
  };
}

/**
 * The rendered HTML of the body with `digest` (sanitised, root-relative links).
 * @throws {MissingBodyError} when the cache has no such body (the pipeline did not run for this build).
 */
export function readBodyHtml(dir: string, digest: string): string {
  try {
    return (JSON.parse(fs.readFileSync(fileOf(dir, digest), 'utf8')) as RenderedBody).html;
  } catch (error) {
    throw new MissingBodyError(`body ${digest} is not in the body cache ${dir}: ${(error as Error).message}`);
  }
}
