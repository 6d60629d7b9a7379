import { z } from 'astro/zod';
import { PlainText } from './text.ts';

/**
 * Attribution for syndicated or openly licensed text (e.g. Wikinews, CC BY 2.5), or the
 * credit of a story from another publisher (`name` alone: "South China Morning Post").
 * Shown on the article page, with links to the original and to the licence when given.
 * A licence needs both its name and its URL.
 */
export function SourceSchema() {
  return z
    .object({
    /** Name of the original publisher, e.g. `Wikinews`. */
    name: PlainText({ max: 200 }).describe('Name of the original publisher'),
    /** Absolute URL of the original article, when known. */
    url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL of the original, e.g. https://en.wikinews.org/wiki/…' }).optional().describe('URL of the original article'),
    /** Licence name as the source gives it, e.g. `CC BY 2.5`. */
    license: PlainText({ max: 200 }).optional().describe('Licence name, e.g. CC BY 2.5'),
    /** Absolute URL of the licence text. */
    licenseUrl: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL of the licence, e.g. https://creativecommons.org/licenses/by/2.5/' }).optional().describe('URL of the licence text'),
    })
    .refine((s) => (s.license === undefined) === (s.licenseUrl === undefined), {
      error: 'a licence needs both license (its name) and licenseUrl (its text), or neither',
    });
}
