import slugify from '@sindresorhus/slugify';
import { toZonedIsoString } from '../dates.ts';

/** Input of {@link buildNewArticle}. */
export interface NewArticleInput {
  headline: string;
  /** Topic ids; at least one. */
  topics: string[];
  authors: string[];
  /** Publication instant (usually now). */
  now: Date;
  /** Newsroom IANA time zone: `publishedAt` is written with its offset. */
  timeZone: string;
}

/**
 * The slug for a headline: lower-case ASCII words joined by hyphens, transliterated by
 * `@sindresorhus/slugify` (`Abe & Putin’s talks` → `abe-and-putins-talks`), cut at a word
 * boundary to at most 80 characters.
 * @throws {Error} when the headline has no letters or digits to build a slug from.
 */
export function slugForHeadline(headline: string): string {
  const slug = slugify(headline, { decamelize: false });
  if (!slug) throw new Error(`cannot make a URL slug from the headline "${headline}": pass --slug <slug>`);
  if (slug.length <= 80) return slug;
  const cut = slug.slice(0, 81);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : 80);
}

/** The standfirst `npm run new` writes; a non-draft article that still has it is a check error. */
export const TEMPLATE_STANDFIRST = 'One or two sentences that sum up the story.';
/** The body `npm run new` writes; a non-draft article that still has it is a check error. */
export const TEMPLATE_BODY = 'Write the story here.';

/**
 * The text of a new article file: valid frontmatter (quoted strings via JSON, which YAML
 * accepts), `draft: true` so the stub cannot go live by accident, and a body placeholder.
 */
export function buildNewArticle(input: NewArticleInput): string {
  const q = (s: string) => JSON.stringify(s);
  const list = (name: string, ids: string[]) => (ids.length ? `${name}:\n${ids.map((id) => `- ${id}`).join('\n')}\n` : '');
  return (
    `---\n` +
    `headline: ${q(input.headline)}\n` +
    `standfirst: ${q(TEMPLATE_STANDFIRST)}\n` +
    list('topics', input.topics) +
    list('authors', input.authors) +
    `publishedAt: ${q(toZonedIsoString(input.now, input.timeZone))}\n` +
    `# Set draft to false (or delete the line) when the story is ready to publish.\n` +
    `draft: true\n` +
    `---\n` +
    `${TEMPLATE_BODY}\n`
  );
}
