import { z } from 'astro/zod';

/**
 * An X (Twitter) handle with its `@`, e.g. `@dateline`: X allows 1–15 letters, digits and `_`.
 * Used by the site config (`twitterSite` → `twitter:site`) and author files (`twitter` →
 * `twitter:creator` on their articles).
 */
export const twitterHandleSchema = z.string().regex(/^@[A-Za-z0-9_]{1,15}$/, 'must be an X handle such as @dateline (@ and 1–15 letters, digits or _)');
