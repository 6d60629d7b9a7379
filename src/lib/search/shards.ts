/**
 * How the search index is cut into shards, so that an edit re-indexes one shard and not the
 * whole archive (Pagefind has no incremental mode; docs/adr/0016-search-shards.md).
 *
 * Each language bundle (English and other languages, Japanese: ADR 0013) is cut by
 * publication year, the `year` filter Pagefind already holds for every article (the year in
 * the site's time zone, written by ArticleLayout). Years are taken oldest first and a shard
 * is closed once it holds at least `minArticles` articles, so a small site has one shard per
 * bundle (as before shards), and a large archive one per year or run of quiet years. New
 * stories land in the newest year: only the last shard of a bundle changes as the archive
 * grows, and the closed shards of earlier years keep their content and their cache.
 *
 * The search page reads the plan from `/pagefind/shards.json` ({@link ShardManifest}) and
 * queries every shard of a bundle through one Pagefind instance (`mergeIndex`: one
 * WebAssembly download per bundle, not per shard).
 */

/** Articles a shard holds at least before the next year starts a new one (the last shard of a bundle may hold fewer). */
export const DEFAULT_SHARD_ARTICLES = 1000;

/** The URL path of the shard plan, read by the search page. */
export const SHARD_MANIFEST_PATH = '/pagefind/shards.json';

/** One shard: its folder under the output (`pagefind/<language>-<first year>[-<last year>]`), its bundle's index language, and the years it holds. */
export interface SearchShard {
  dir: string;
  language: string;
  /** Publication years (four digits, site time zone), ascending. */
  years: string[];
}

/** `/pagefind/shards.json`: per bundle, in the order the search page merges them, its shards (URL folder ending in `/`, and years). */
export interface ShardManifest {
  version: 1;
  bundles: { language: string; shards: { path: string; years: string[] }[] }[];
}

/**
 * Cut each bundle into shards by the rule in the module comment.
 * @param counts per bundle language (in bundle order), articles per publication year
 *   (`YYYY` → count ≥ 1); a bundle with no articles gets no shard.
 * @param minArticles at least 1.
 * @returns the shards, bundle by bundle, oldest years first; every year given is in
 *   exactly one shard of its bundle.
 * @throws RangeError when `minArticles` is not a positive integer, or a year is not four digits.
 */
export function planShards(counts: ReadonlyMap<string, ReadonlyMap<string, number>>, minArticles = DEFAULT_SHARD_ARTICLES): SearchShard[] {
  if (!Number.isInteger(minArticles) || minArticles < 1) throw new RangeError(`search shards: minArticles must be a positive integer, got ${minArticles}`);
  const shards: SearchShard[] = [];
  for (const [language, perYear] of counts) {
    const years = [...perYear.keys()].sort();
    for (const year of years) if (!/^\d{4}$/.test(year)) throw new RangeError(`search shards: "${year}" is not a four-digit year`);
    let open: string[] = [];
    let held = 0;
    const close = () => {
      const span = open.length === 1 ? open[0] : `${open[0]}-${open[open.length - 1]}`;
      shards.push({ dir: `pagefind/${language}-${span}`, language, years: open });
      open = [];
      held = 0;
    };
    for (const year of years) {
      open.push(year);
      held += perYear.get(year)!;
      if (held >= minArticles) close();
    }
    if (open.length) close();
  }
  return shards;
}

/** The manifest of `shards` (as {@link planShards} returns them) for the search page. */
export function shardManifest(shards: readonly SearchShard[]): ShardManifest {
  const bundles: ShardManifest['bundles'] = [];
  for (const shard of shards) {
    let bundle = bundles.find((b) => b.language === shard.language);
    if (!bundle) bundles.push((bundle = { language: shard.language, shards: [] }));
    bundle.shards.push({ path: `/${shard.dir}/`, years: shard.years });
  }
  return { version: 1, bundles };
}
