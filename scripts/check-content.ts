/**
 * `npm run check:content`: validate every content file without building — the same
 * pipeline the build runs (src/lib/content/run.ts), rendered bodies included. Prints every
 * problem, one per line, as `file:line: field: message`; exit 0 when clean, 1 otherwise.
 * Honours `DATELINE_CONTENT_DIR` and `DATELINE_NOW` like the build.
 */
import path from 'node:path';
import { runContentPipeline } from '../src/lib/content/run.ts';
import { astroCacheDir } from '../src/lib/content/paths.ts';
// Importing the site configuration validates it (SITE_URL…) exactly as a build would.
import { site } from '../src/site.config.ts';

const started = performance.now();
const cacheDir = path.resolve(astroCacheDir());
await runContentPipeline({ mode: 'build', cacheDir, siteUrl: site.url, building: false });
console.log(`[dateline] checked in ${Math.round(performance.now() - started)} ms`);
