import { articlePath } from '../urls.ts';

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
