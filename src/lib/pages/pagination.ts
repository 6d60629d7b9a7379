/** One page of a listing. */
export interface ListingPage<T> {
  /** 1-based page number. */
  number: number;
  /** Number of the last page (≥ 1). */
  last: number;
  items: T[];
}

/**
 * Split a list into pages of `size` items. An empty list still gives one (empty) page so
 * that a listing URL always exists.
 * @throws {RangeError} if `size` is not a positive integer.
 */
export function paginate<T>(items: readonly T[], size: number): ListingPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const last = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: last }, (_, i) => ({ number: i + 1, last, items: items.slice(i * size, (i + 1) * size) }));
}

/** Route param for a rest (`[...page]`) route: `undefined` for page 1 (the bare URL), else the number. */
export function pageParam(number: number): string | undefined {
  return number > 1 ? String(number) : undefined;
}
