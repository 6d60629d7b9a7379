import type { AuthorRef } from './article-model.ts';

/**
 * Names joined for a byline in British style: `A`, `A and B`, `A, B and C`.
 * Returns `null` when there are no authors (no personal byline is shown).
 */
export function formatByline(authors: readonly Pick<AuthorRef, 'name'>[]): string | null {
  const names = authors.map((a) => a.name);
  if (names.length === 0) return null;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
