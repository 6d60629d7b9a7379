/**
 * Astro integration: after `astro build`, validate every JSON-LD block of every page in
 * the output (`src/lib/head/structured-data-check.ts`) and fail the build listing each
 * problem as `file: JSON-LD block n: field: message`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkPageStructuredData } from '../lib/head/structured-data-check.ts';
import { settleCompilers } from '../build/v8-flags.ts';

/** Thrown by the build when structured data is invalid. */
export class StructuredDataError extends Error {
  override name = 'StructuredDataError';
}

/** Problems of every HTML file under `dir` (paths relative to it), sorted by file. */
export function checkBuiltStructuredData(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
  return files.flatMap((file) => checkPageStructuredData(readFileSync(file, 'utf8'), path.relative(dir, file).split(path.sep).join('/')));
}

export function structuredDataCheck(): AstroIntegration {
  return {
    name: 'dateline-structured-data-check',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const problems = checkBuiltStructuredData(root);
        if (problems.length) {
          // The build fails here, after hot code ran: see src/build/v8-flags.ts.
          await settleCompilers();
          throw new StructuredDataError(`Invalid structured data (JSON-LD) in the build output:\n${problems.map((p) => `  dist/${p}`).join('\n')}`);
        }
        logger.info('JSON-LD of every page is valid');
      },
    },
  };
}
