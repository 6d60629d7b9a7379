import { z } from 'astro/zod';
import { DATE_TIME_EXAMPLE, explainDateTimeProblem } from '../lib/dates.ts';

/**
 * A frontmatter instant: a quoted ISO 8601 date-time string with `Z` or an offset,
 * parsed to a `Date`. An unquoted YAML timestamp reaches zod as a `Date` whose original
 * offset is lost (a value without one was read as UTC), so it is rejected with a message
 * that says how to write it. Rules: {@link explainDateTimeProblem}.
 */
export function DateTimeSchema() {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      if (value instanceof Date) {
        ctx.addIssue({
          code: 'custom',
          message: `unquoted YAML timestamp: YAML drops its offset (or reads it as UTC); write it in quotes with Z or an offset, e.g. ${DATE_TIME_EXAMPLE}`,
        });
        return;
      }
      if (typeof value !== 'string') {
        ctx.addIssue({ code: 'custom', message: `expected a quoted date-time string, e.g. ${DATE_TIME_EXAMPLE}, got ${describe(value)}` });
        return;
      }
      const problem = explainDateTimeProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => new Date(value as string));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`;
}
