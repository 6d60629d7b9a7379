import { z } from 'astro/zod';
import { explainTextProblem } from '../lib/content/text.ts';

/**
 * A plain-text frontmatter field: trimmed, `min`–`max` characters (UTF-16 code units, as
 * JavaScript counts), and only characters every output format can carry
 * ({@link explainTextProblem}; single-line unless `multiLine`).
 */
export function PlainText({ min = 1, max, multiLine = false }: { min?: number; max?: number; multiLine?: boolean } = {}) {
  let s = z.string().trim().min(min, 'must not be empty');
  if (max !== undefined) s = s.max(max, `must be at most ${max} characters`);
  return s.superRefine((value, ctx) => {
    const problem = explainTextProblem(value, { singleLine: !multiLine });
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
