/**
 * Validate a whole content tree with the same zod schemas the Astro collections use, plus
 * the rules Astro does not enforce: references that must exist, URL-safe file names and
 * unique ids (a clash would give two articles one permalink). Every problem is collected;
 * nothing stops at the first.
 */
import { z } from 'astro/zod';
import { ArticleSchema, type ReferenceFactory } from '../schemas/article.ts';
import { TopicSchema } from '../schemas/topic.ts';
import { AuthorSchema } from '../schemas/author.ts';
import { idFromPath } from '../content-paths.ts';
import { isValidSlug, articlePath } from '../lib/urls.ts';
import { parseYaml, splitFrontmatter, type ParsedYaml } from './parse-file.ts';
import type { ContentProblem } from './problems.ts';

/** A file of the content tree: path relative to the project root, and its text. */
export interface ContentFile {
  path: string;
  contents: string;
}

/** The files of a content tree, by collection. */
export interface ContentTree {
  articles: ContentFile[];
  topics: ContentFile[];
  authors: ContentFile[];
}

type ArticleData = z.output<ReturnType<typeof ArticleSchema>>;

/** A valid article as the checker saw it. */
export interface CheckedArticle {
  id: string;
  file: string;
  data: ArticleData;
}

/** What {@link checkContent} found. */
export interface CheckResult {
  problems: ContentProblem[];
  /** Articles whose frontmatter is valid, by id. */
  articles: Map<string, CheckedArticle>;
  topicIds: Set<string>;
  authorIds: Set<string>;
}

/** Outside Astro a reference is the id string, shaped like Astro's `{ collection, id }`. */
const plainReference: ReferenceFactory = (collection) =>
  z.string({ error: `expected an id (a file name in ${collection}/ without extension)` }).transform((id) => ({ collection, id }));

/** Check every file of `tree`; see the module comment for the rules. */
export function checkContent(tree: ContentTree): CheckResult {
  const problems: ContentProblem[] = [];
  const report = (file: string, line: number, field: string, message: string) => problems.push({ file, line, field, message });

  const topicIds = checkDataFiles(tree.topics, TopicSchema(), report);
  const authorIds = checkDataFiles(tree.authors, AuthorSchema(), report);

  const articleSchema = ArticleSchema(plainReference);
  const articles = new Map<string, CheckedArticle>();
  const firstFileOfId = new Map<string, string>();
  const lines = new Map<string, ParsedYaml & { ok: true }>();

  for (const file of tree.articles) {
    const id = idFromPath(file.path);
    const earlier = firstFileOfId.get(id);
    if (earlier) {
      report(file.path, 1, 'file', `permalink ${articlePath(id)} is also claimed by ${earlier}: two articles cannot share a file name; rename one`);
      continue;
    }
    firstFileOfId.set(id, file.path);
    if (!isValidSlug(id)) {
      report(file.path, 1, 'file', `file name "${id}" is not a URL slug: use lower-case a-z, 0-9 and single hyphens, e.g. abe-putin-talks.md`);
    }
    const split = splitFrontmatter(file.contents);
    if (!split.ok) {
      report(file.path, 1, 'frontmatter', split.message);
      continue;
    }
    const parsed = parseYaml(split.frontmatter, split.frontmatterLine);
    if (!parsed.ok) {
      report(file.path, parsed.line, 'frontmatter', parsed.message);
      continue;
    }
    if (!isMapping(parsed.data)) {
      report(file.path, split.frontmatterLine, 'frontmatter', 'must be a YAML mapping of field: value lines');
      continue;
    }
    const result = articleSchema.safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) reportIssue(file.path, parsed, issue, report, split.frontmatterLine);
      continue;
    }
    lines.set(id, parsed);
    articles.set(id, { id, file: file.path, data: result.data });
  }

  for (const article of articles.values()) {
    const lineOf = lines.get(article.id)!.lineOf;
    const check = (field: 'topics' | 'authors' | 'related', known: Set<string> | Map<string, unknown>, what: string) => {
      article.data[field].forEach((ref, index) => {
        if (!known.has(ref.id)) report(article.file, lineOf([field, index]), `${field}[${index}]`, `unknown ${what} id "${ref.id}": no ${what} file with that name`);
        else if (field === 'related' && ref.id === article.id) report(article.file, lineOf([field, index]), `${field}[${index}]`, 'an article cannot be related to itself');
      });
    };
    check('topics', topicIds, 'topic');
    check('authors', authorIds, 'author');
    check('related', articles, 'article');
  }
  return { problems, articles, topicIds, authorIds };
}

function checkDataFiles(
  files: ContentFile[],
  schema: z.ZodType,
  report: (file: string, line: number, field: string, message: string) => void,
): Set<string> {
  const ids = new Set<string>();
  for (const file of files) {
    const id = idFromPath(file.path);
    if (ids.has(id)) report(file.path, 1, 'file', `id "${id}" is used by another file`);
    if (!isValidSlug(id)) report(file.path, 1, 'file', `file name "${id}" is not a URL slug: use lower-case a-z, 0-9 and single hyphens`);
    const parsed = parseYaml(file.contents, 1);
    if (!parsed.ok) {
      report(file.path, parsed.line, 'file', parsed.message);
      continue;
    }
    if (!isMapping(parsed.data)) {
      report(file.path, 1, 'file', 'must be a YAML mapping of field: value lines');
      continue;
    }
    const result = schema.safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) reportIssue(file.path, parsed, issue, report, 1);
      continue;
    }
    ids.add(id);
  }
  return ids;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function reportIssue(
  file: string,
  parsed: ParsedYaml & { ok: true },
  issue: z.core.$ZodIssue,
  report: (file: string, line: number, field: string, message: string) => void,
  fallbackLine: number,
) {
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const path = [...issue.path, key];
      report(file, parsed.lineOf(path) || fallbackLine, formatPath(path), 'unknown field: check its spelling against the content model in README.md');
    }
    return;
  }
  const field = formatPath(issue.path) || 'frontmatter';
  report(file, parsed.lineOf(issue.path) || fallbackLine, field, humanise(issue));
}

/** `['topics', 1]` → `topics[1]`; `['source', 'url']` → `source.url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function humanise(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `required field is missing (expected ${issue.expected})`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}
