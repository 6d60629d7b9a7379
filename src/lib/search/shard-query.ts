/**
 * Which index shards answer a query, so that a sharded index (src/lib/search/shards.ts) gives
 * the results one index per bundle would give. Pagefind ignores a term its index does not hold
 * at all ("government zzqxw" finds what "government" finds) and otherwise needs every term on a
 * page. A shard that lacks a term another shard of its bundle holds would ignore it, and answer
 * "Putin iodine" with the pages that have just one of the words; such a shard has no page with
 * every held term, and gives nothing.
 */

/**
 * @param holds per shard, per query term: whether the shard holds the term
 *   (src/lib/search/word-match.ts `holdsTerm` on the best result of a search for that term alone).
 * @param bundleOf per shard, its bundle (index language): terms are judged within a bundle,
 *   as each bundle is its own index.
 * @returns per shard, whether its results for the whole query are kept: it holds at least
 *   one term, and every term some shard of its bundle holds.
 */
export function shardsThatAnswer(holds: readonly (readonly boolean[])[], bundleOf: readonly string[]): boolean[] {
  const heldInBundle = new Map<string, boolean[]>();
  holds.forEach((terms, i) => {
    const bundle = bundleOf[i]!;
    const held = heldInBundle.get(bundle) ?? terms.map(() => false);
    heldInBundle.set(bundle, held.map((h, j) => h || terms[j]!));
  });
  return holds.map((terms, i) => {
    const held = heldInBundle.get(bundleOf[i]!)!;
    return terms.some(Boolean) && terms.every((h, j) => h || !held[j]);
  });
}
