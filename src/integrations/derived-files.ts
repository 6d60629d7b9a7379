/**
 * Copies the files the content model lists as derived (locator maps: `model.derivedFiles`,
 * src/lib/maps/map-files.ts) from the cache into the output once Astro has written it.
 * Only listed files are copied; a listed file missing from the cache fails the build.
 * Under `astro dev` the same files are served from the cache at their URLs.
 */
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DerivedFile } from '../lib/maps/map-files.ts';

/** The integration. */
export function derivedFiles(files: readonly DerivedFile[]): AstroIntegration {
  const byUrl = new Map(files.map((f) => [`/${f.outputPath}`, f]));
  return {
    name: 'dateline-derived-files',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const file = byUrl.get((req.url ?? '').split('?')[0]!);
          if (!file) return next();
          res.setHeader('Content-Type', file.type);
          res.end(fs.readFileSync(file.cacheFile));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        for (const file of files) {
          const target = path.join(out, file.outputPath);
          await fs.promises.mkdir(path.dirname(target), { recursive: true });
          await fs.promises.copyFile(file.cacheFile, target);
        }
        if (files.length) logger.info(`${files.length} derived file(s) copied (locator maps)`);
      },
    },
  };
}
