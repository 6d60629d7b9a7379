import { articlePath } from './urls.ts';

/** A permanent redirect from a former article URL to its current permalink. */
export interface Redirect {
  from: string;
  to: string;
}

/**
 * Redirects for articles' former slugs (`redirectFrom`), sorted by source path.
 * @param articles - published articles: `id` is the current slug.
 */
export function buildRedirects(articles: Iterable<{ id: string; redirectFrom: readonly string[] }>): Redirect[] {
  const out: Redirect[] = [];
  for (const a of articles) for (const old of a.redirectFrom) out.push({ from: articlePath(old), to: articlePath(a.id) });
  return out.sort((x, y) => x.from.localeCompare(y.from));
}

/**
 * A `_redirects` file (the format read by Netlify and Cloudflare Pages: `from to status`
 * per line), with 301 (permanent) status.
 */
export function toRedirectsFile(redirects: readonly Redirect[]): string {
  return redirects.map((r) => `${r.from} ${r.to} 301\n`).join('');
}
