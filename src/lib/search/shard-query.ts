/**
 * Which index shards answer a query, so that a sharded index (src/lib/search/shards.ts) gives
 * the results one index per bundle would give. Pagefind ignores a term its index does not hold
 * at all ("government zzqxw" finds what "government" finds) and otherwise needs every term on a
 * page. A shard that lacks a term another shard of its bundle holds would ignore it, and answer
 * "Putin iodine" with the pages that have just one of the words; such a shard has no page with
 * every held term, and gives nothing.
 */

/**
 * @param strengths per shard, per query term: how strongly the shard holds the term
 *   (src/lib/search/word-match.ts `termStrength` on the best result of a search for that term
 *   alone; 0 = not at all). Within a bundle, the shards with the greatest strength for a term
 *   hold it, as one index would have matched only its longest form.
 * @param bundleOf per shard, its bundle (index language): terms are judged within a bundle,
 *   as each bundle is its own index.
 * @returns per shard, whether its results for the whole query are kept: it holds at least
 *   one term, and every term some shard of its bundle holds.
 */
export function shardsThatAnswer(strengths: readonly (readonly number[])[], bundleOf: readonly string[]): boolean[] {
  const best = new Map<string, number[]>();
  strengths.forEach((terms, i) => {
    const bundle = bundleOf[i]!;
    const max = best.get(bundle) ?? terms.map(() => 0);
    best.set(bundle, max.map((m, j) => Math.max(m, terms[j]!)));
  });
  return strengths.map((terms, i) => {
    const max = best.get(bundleOf[i]!)!;
    const holds = terms.map((v, j) => v > 0 && v === max[j]);
    return holds.some(Boolean) && holds.every((h, j) => h || max[j] === 0);
  });
}
