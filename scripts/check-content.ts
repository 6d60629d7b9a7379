/**
 * `npm run check:content`: validate every content file without building. Prints every
 * problem, one per line, as `file:line: field: message`; exit 0 when clean, 1 otherwise.
 * Honours `DATELINE_CONTENT_DIR` and `DATELINE_NOW` like the build.
 */
import { runContentCheck } from '../src/content-check/run-check.ts';
// Importing the site configuration validates it (SITE_URL…) exactly as a build would.
import '../src/site.config.ts';

const started = performance.now();
runContentCheck('build', { building: false });
console.log(`[dateline] checked in ${Math.round(performance.now() - started)} ms`);
