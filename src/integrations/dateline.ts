/**
 * The Dateline integration: runs the one content pipeline when Astro loads its config,
 * and hands the result to the rest of the build as data.
 *
 * - `astro build` / `astro dev`: check and model the content (`src/lib/content/run.ts`);
 *   any problem prints `file:line: field: message` lines and exits 1 before a page is
 *   written. The model and the rendered bodies go under Astro's `cacheDir`.
 * - Pages read the build context (clock, mode, where the model and bodies are) from the
 *   virtual module `virtual:dateline/build` — never from `process.env`.
 * - The derived lists (redirects and the host files that carry them, the sitemap's filter and
 *   lastmods) come from the same model; the JSON-LD check runs over the output.
 * - It also sets the build settings that follow from Dateline's design, so `astro.config.mjs`
 *   holds only the site, Markdown and integrations: `cacheDir` (one per content tree,
 *   `astroCacheDir()`), directory URLs, `prerenderConflictBehavior: 'error'`, the Content
 *   Security Policy (docs/adr/0010-serving-policy.md) and `experimental.incrementalBuild`
 *   (docs/adr/0007-incremental-builds.md).
 * - Derived files (picture variants, docs/adr/0014-pictures.md) are made by the pipeline's
 *   pictures stage; the ones the model lists are copied into the output at `astro:build:done`
 *   and served from the cache by `astro dev`.
 * Other commands (`astro sync`, `astro check`, `astro preview`) skip the content pipeline.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { site } from '../site.config.ts';
import { runContentPipeline, type BuildContext } from '../lib/content/run.ts';
import { siteLists } from '../lib/content/model.ts';
import { isIndexable, withImages, withLastmod } from '../lib/distribution/sitemap.ts';
import { structuredDataCheck } from './structured-data-check.ts';
import { hostConfig } from './host-config.ts';
import { astroCacheDir } from '../lib/content/paths.ts';
import { CSP_DIRECTIVES } from '../lib/deploy/headers-policy.ts';
import { searchIndex } from './search-index.ts';
import { shutdownSafe } from './shutdown-safe.ts';
import { copyDerivedFiles, type DerivedFile } from '../lib/derived-files.ts';
import fs from 'node:fs';

const VIRTUAL_ID = 'virtual:dateline/build';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** A Vite plugin that serves {@link BuildContext} as `virtual:dateline/build`. */
function buildContextModule(context: BuildContext | null) {
  return {
    name: 'dateline-build-context',
    resolveId(id: string) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id: string) {
      if (id !== RESOLVED_ID) return undefined;
      return `export const buildContext = ${JSON.stringify(context)};`;
    },
  };
}

/** See the module comment. */
export function dateline(): AstroIntegration {
  let derived: DerivedFile[] = [];
  return {
    name: 'dateline',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig }) => {
        // A build of another content tree (tests, benchmark) keeps its own cache; scripts/build.ts
        // verifies the same folder.
        const cacheDir = new URL(`${astroCacheDir()}/`, config.root);
        updateConfig({
          cacheDir,
          trailingSlash: 'ignore',
          build: { format: 'directory' },
          prerenderConflictBehavior: 'error',
          // Content Security Policy: a meta tag per page with hashes of every script and style Astro
          // emits (no 'unsafe-inline'); the hosts add the same policy as a header, with frame-ancestors
          // and reporting (src/lib/deploy/headers-policy.ts, docs/adr/0010-serving-policy.md).
          // 'wasm-unsafe-eval' lets Pagefind's worker compile its WebAssembly on the search page
          // (it permits WebAssembly compilation only, not eval of JavaScript); without it the
          // header policy stops search on every host that sends headers (tests/e2e/csp.spec.ts).
          security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES], scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] } } },
          // Pages whose cacheKey (src/lib/pages/cache-keys.ts) and code are unchanged are copied from the
          // previous build. Keep build.concurrency at 1: a higher value turns the cache off.
          experimental: { incrementalBuild: true },
        });
        if (command !== 'build' && command !== 'dev') {
          updateConfig({ vite: { plugins: [buildContextModule(null)] } });
          return;
        }
        const { context, model } = await runContentPipeline({
          mode: command === 'dev' ? 'dev' : 'build',
          cacheDir: fileURLToPath(cacheDir),
          siteUrl: site.url,
          siteLanguage: site.language,
        });
        derived = model.derivedFiles;
        const lists = siteLists(model, site.url, site.pageSize);
        const redirectSources = new Set(lists.redirects.map((r) => r.from));
        updateConfig({
          vite: { plugins: [buildContextModule(context)] },
          // Static meta-refresh pages for former slugs; hosts that read `_redirects` answer with a real 301.
          redirects: Object.fromEntries(lists.redirects.map((r) => [r.from, { status: 301, destination: r.to }])),
          integrations: [
            // _headers, _redirects, vercel.json and _nginx.conf for the hosts, from one serving policy.
            hostConfig({ redirects: lists.redirects, reportUrl: site.cspReportUrl }),
            // Fails the build when a page's JSON-LD misses a field Google requires or recommends.
            structuredDataCheck(),
            // The Pagefind index of published article pages (the search page reads it).
            ...(command === 'build' ? [searchIndex()] : []),
            sitemap({
              filter: (page) => isIndexable(page, site.url) && !lists.expiredUrls.has(page) && !redirectSources.has(new URL(page).pathname),
              serialize: (item) => withImages(withLastmod(item, lists.lastModifiedByUrl, site.timeZone), lists.imagesByUrl),
            }),
            // Last: no V8 compile job may still be running when Node exits (src/build/v8-flags.ts).
            ...(command === 'build' ? [shutdownSafe()] : []),
          ],
        });
      },
      // Picture variants of the published articles only (the model lists nothing else).
      'astro:build:done': async ({ dir, logger }) => {
        const copied = await copyDerivedFiles(derived, fileURLToPath(dir));
        logger.info(`${copied.files} derived files copied (${(copied.bytes / 1024 / 1024).toFixed(1)} MB)`);
      },
      // `astro dev` serves the derived files from the cache at their output paths.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const file = derived.find((f) => f.outputPath === (req.url ?? '').split('?')[0]);
          if (!file) return next();
          res.setHeader('Content-Type', file.type);
          res.setHeader('Content-Length', String(file.bytes));
          fs.createReadStream(file.cacheFile).pipe(res);
        });
      },
    },
  };
}
