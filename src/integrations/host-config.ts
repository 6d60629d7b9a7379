/**
 * Writes the host configuration files into the build output once every page is written:
 * `_headers`, `_redirects`, `vercel.json` and `_nginx.conf`, all rendered from one
 * {@link ServingPolicy} (src/lib/deploy/headers-policy.ts).
 *
 * The CSP header carries the script and style sources Astro wrote into the pages' meta
 * policy. Astro computes them once per build (every page gets the same list), so the meta tag
 * of `index.html` is read; tests/deploy checks that every page's meta agrees with the header.
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Redirect } from '../lib/distribution/redirects.ts';
import { buildServingPolicy, cspFromMeta, type MetaCspSources } from '../lib/deploy/headers-policy.ts';
import { HOST_FILES, renderHeadersFile, renderNginxBuildInclude, renderRedirectsFile, renderVercelJson } from '../lib/deploy/host-files.ts';

/** Thrown when the built pages carry no CSP meta tag to take the hashes from. */
export class HostConfigError extends Error {
  override name = 'HostConfigError';
}

/**
 * The script and style sources of the CSP meta tag of one built page.
 * @throws {HostConfigError} if the page has no such meta tag (`security.csp` is off).
 */
export function metaCspOfPage(html: string, file: string): MetaCspSources {
  const meta = DomUtils.findOne(
    (el) => el.name === 'meta' && el.attribs['http-equiv']?.toLowerCase() === 'content-security-policy',
    parseDocument(html).children,
  );
  const content = meta?.attribs['content'];
  if (!content) throw new HostConfigError(`${file} has no <meta http-equiv="content-security-policy">: is security.csp on (src/integrations/dateline.ts)?`);
  return cspFromMeta(content);
}

/** Options of {@link hostConfig}. */
export interface HostConfigOptions {
  redirects: readonly Redirect[];
  /** Site config `cspReportUrl`. */
  reportUrl?: string | undefined;
}

/** The integration. */
export function hostConfig(options: HostConfigOptions): AstroIntegration {
  return {
    name: 'dateline-host-config',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const file = new URL('index.html', dir);
        const sources = metaCspOfPage(await readFile(file, 'utf8'), 'index.html');
        const policy = buildServingPolicy({ ...sources, redirects: options.redirects, reportUrl: options.reportUrl });
        await Promise.all([
          writeFile(new URL(HOST_FILES.headers, dir), renderHeadersFile(policy)),
          writeFile(new URL(HOST_FILES.redirects, dir), renderRedirectsFile(policy)),
          writeFile(new URL(HOST_FILES.vercel, dir), renderVercelJson(policy)),
          writeFile(new URL(HOST_FILES.nginxInclude, dir), renderNginxBuildInclude(policy)),
        ]);
        logger.info(`${Object.values(HOST_FILES).join(', ')} written (${policy.redirects.length} redirect(s))`);
      },
    },
  };
}
