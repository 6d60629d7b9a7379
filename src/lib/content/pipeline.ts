/**
 * The one content pipeline (docs/adr/0011-one-content-pipeline.md). Every content file is
 * read once (`files.ts`), its frontmatter parsed once with positions (`frontmatter.ts`)
 * and validated with the zod schemas of `src/schemas/`, and its body rendered once
 * (`body.ts`), in the same pass that checks it. On top: the rules zod cannot see alone —
 * references that must exist, URL-safe file names and unique ids (a clash would give two
 * articles one permalink), links to unpublished articles, redirect clashes, template text.
 * Every problem is collected as `file:line: field: message`; nothing stops at the first.
 *
 * `npm run check:content` and the build both call {@link checkContent}; nothing else
 * parses content, so there is no input the check accepts and the build then rejects.
 */
import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { ArticleSchema, type ReferenceFactory } from '../../schemas/article.ts';
import { TopicSchema } from '../../schemas/topic.ts';
import { AuthorSchema } from '../../schemas/author.ts';
import { FrontSchema } from '../../schemas/front.ts';
import { idFromPath } from './paths.ts';
import { isValidSlug, articlePath, MAX_SLUG_LENGTH } from '../urls.ts';
import { parseYaml, splitFrontmatter, type ParsedYaml } from './frontmatter.ts';
import type { ContentProblem } from './problems.ts';
import { renderBody, BODY_RENDERER_VERSION, type RenderedBody } from './body.ts';
import { decidePublicationState, nextStateChange, type PublicationState } from './publishing.ts';
import { TEMPLATE_BODY, TEMPLATE_STANDFIRST } from './new-article.ts';
import { ContentEncodingError, type ContentFile, type ContentTree } from './files.ts';

export type { ContentFile, ContentTree } from './files.ts';

/**
 * Where rendered bodies go, keyed by body digest. The build passes a disk cache
 * (`body-cache.ts`), so a body is rendered once per digest across builds; without one,
 * bodies are rendered and dropped (a check only).
 */
export interface BodyStore {
  get(digest: string): RenderedBody | undefined;
  set(digest: string, body: RenderedBody): void;
}

type ArticleData = z.output<ReturnType<typeof ArticleSchema>>;

/** A valid article as the checker saw it. */
export interface CheckedArticle {
  id: string;
  file: string;
  data: ArticleData;
  /** Digest of the body as rendered (Markdown, renderer version, site URL): the body cache key. */
  bodyDigest: string;
  /** State at the build clock. */
  state: PublicationState;
  /** Pictures the article uses, lead first, with where they are named (for the pictures stage's messages). */
  pictures: PictureRef[];
}

/** A picture an article names: the lead (`image.src`) or a body `![alt](./file)`. */
export interface PictureRef {
  role: 'lead' | 'body';
  /** The path as written. */
  src: string;
  /** Line of the file that names it, and the field to report. */
  line: number;
  field: string;
}

/** How to check. */
export interface CheckOptions {
  /** The build clock: decides which articles are public. */
  now: Date;
  /**
   * `build` (default): a link or `related` entry pointing at an article that is not public
   * at `now` (draft, scheduled, embargoed, expired) is an error naming both files.
   * `dev`: such links are allowed, because the dev server shows unpublished articles.
   */
  mode?: 'build' | 'dev';
  /** Site origin: links to it are not external. Part of the body digest. */
  siteUrl?: string;
  /** Where rendered bodies are kept; see {@link BodyStore}. */
  bodies?: BodyStore | undefined;
}

/** Digest of a body as the renderer sees it: SHA-256 (base64url) over version, site URL and Markdown. */
export function bodyDigest(body: string, siteUrl: string): string {
  return createHash('sha256').update(BODY_RENDERER_VERSION).update('\u0000').update(siteUrl).update('\u0000').update(body).digest('base64url');
}

/** What {@link checkContent} found. */
export interface CheckResult {
  problems: ContentProblem[];
  /** Articles whose frontmatter is valid, by id. */
  articles: Map<string, CheckedArticle>;
  topicIds: Set<string>;
  authorIds: Set<string>;
  /** Valid topics and authors with their id (file name). */
  topics: ({ id: string } & z.output<ReturnType<typeof TopicSchema>>)[];
  authors: ({ id: string } & z.output<ReturnType<typeof AuthorSchema>>)[];
  /** The home page's placement from `front.yaml`, when the file exists and is valid. */
  front: FrontPlacement | null;
  /** The build clock the states were decided at. */
  now: Date;
  /** Next instant after the clock at which some article's state changes, or null. */
  nextChange: Date | null;
}

/**
 * The home page's placement as `front.yaml` gives it (ids known to exist). Which stories
 * the page then shows is decided by `resolveFront` in `src/lib/front.ts`.
 */
export interface FrontPlacement {
  file: string;
  lead: string;
  top: string[];
  expires?: Date | undefined;
}

/** Outside Astro a reference is the id string, shaped like Astro's `{ collection, id }`. */
const plainReference: ReferenceFactory = (collection) =>
  z.string({ error: `expected an id (a file name in ${collection}/ without extension)` }).transform((id) => ({ collection, id }));

/** Check every file of `tree`; see the module comment for the rules. */
export function checkContent(tree: ContentTree, options: CheckOptions): CheckResult {
  const { now, mode = 'build', siteUrl = 'https://example.invalid', bodies } = options;
  const problems: ContentProblem[] = [...(tree.unreadable ?? [])];
  const report = (file: string, line: number, field: string, message: string) => problems.push({ file, line, field, message });

  const topics = checkDataFiles(tree.topics, TopicSchema(), report);
  const authors = checkDataFiles(tree.authors, AuthorSchema(), report);
  const topicIds = new Set(topics.keys());
  const authorIds = new Set(authors.keys());
  // Files that exist but are invalid are reported once, in their own file, not again as unknown ids.
  const brokenIds = new Set(
    [...tree.topics, ...tree.authors].map((f) => idFromPath(f.path)).filter((id) => !topicIds.has(id) && !authorIds.has(id)),
  );

  const articleSchema = ArticleSchema(plainReference);
  const articles = new Map<string, CheckedArticle>();
  const firstFileOfId = new Map<string, string>();
  const lines = new Map<string, ParsedYaml & { ok: true }>();
  /** The valid ids each reference field may name (`related`: filled as articles pass). */
  const known = { topics: topicIds, authors: authorIds, related: articles };
  const bodyLinks = new Map<string, { id: string; line: number }[]>();

  for (const file of tree.articles) {
    const id = idFromPath(file.path);
    const earlier = firstFileOfId.get(id);
    if (earlier) {
      report(file.path, 1, 'file', `permalink ${articlePath(id)} is also claimed by ${earlier}: two articles cannot share a file name; rename one`);
      continue;
    }
    firstFileOfId.set(id, file.path);
    if (!isValidSlug(id)) {
      const why = id.length > MAX_SLUG_LENGTH ? `is ${id.length} characters long: a slug has at most ${MAX_SLUG_LENGTH}` : 'is not a URL slug: use lower-case a-z, 0-9 and single hyphens, e.g. abe-putin-talks.md';
      report(file.path, 1, 'file', `file name "${id}" ${why}`);
    }
    const contents = textOf(file, report);
    if (contents === null) continue;
    const split = splitFrontmatter(contents);
    if (!split.ok) {
      report(file.path, 1, 'frontmatter', split.message);
      continue;
    }
    // Kept for line lookups after the pass: a detached copy, so it does not pin the whole file.
    const parsed = parseYaml(detach(split.frontmatter), split.frontmatterLine);
    if (!parsed.ok) {
      report(file.path, parsed.line, 'frontmatter', parsed.message);
      continue;
    }
    if (!isMapping(parsed.data)) {
      report(file.path, split.frontmatterLine, 'frontmatter', 'must be a YAML mapping of field: value lines');
      continue;
    }
    // The body is rendered (and so checked) even when the frontmatter is invalid, so one run reports everything.
    const digest = bodyDigest(split.body, siteUrl);
    let body = bodies?.get(digest);
    if (!body) {
      body = renderBody(split.body, siteUrl);
      bodies?.set(digest, body);
    }
    for (const p of body.problems) report(file.path, split.bodyLine + p.line - 1, 'body', p.message);
    const result = articleSchema.safeParse(parsed.data);
    if (!result.success) {
      for (const issue of result.error.issues) reportIssue(file.path, parsed, issue, report, split.frontmatterLine);
      // The topics and authors it names are checked too, so one run reports everything; an
      // entry the schema already rejected is not reported again.
      const rejected = new Set(result.error.issues.map((issue) => formatPath(issue.path.slice(0, 2))));
      for (const field of ['topics', 'authors'] as const) {
        const raw = (parsed.data as Record<string, unknown>)[field];
        if (!Array.isArray(raw) || rejected.has(field)) continue;
        const ids = raw.map((v) => (typeof v === 'string' ? v : ''));
        for (const bad of badReferences(field, ids, id, known[field], brokenIds)) {
          if (ids[bad.index] && !rejected.has(`${field}[${bad.index}]`)) report(file.path, parsed.lineOf([field, bad.index]) || split.frontmatterLine, `${field}[${bad.index}]`, bad.message);
        }
      }
      continue;
    }
    if (!result.data.draft) {
      if (result.data.standfirst === TEMPLATE_STANDFIRST) {
        report(file.path, parsed.lineOf(['standfirst']) || split.frontmatterLine, 'standfirst', `still the template text of npm run new ("${TEMPLATE_STANDFIRST}"): write the standfirst, or set draft: true`);
      }
      if (split.body.trim() === TEMPLATE_BODY) {
        report(file.path, split.bodyLine + leadingBlankLines(split.body), 'body', `is still the template text of npm run new ("${TEMPLATE_BODY}"): write the story, or set draft: true`);
      }
    }
    bodyLinks.set(id, body.articleLinks.map((l) => ({ id: detach(l.id), line: split.bodyLine + l.line - 1 })));
    lines.set(id, parsed);
    const pictures: PictureRef[] = [
      ...(result.data.image ? [{ role: 'lead' as const, src: result.data.image.src, line: parsed.lineOf(['image', 'src']) || split.frontmatterLine, field: 'image.src' }] : []),
      ...body.images.map((image) => ({ role: 'body' as const, src: detach(image.src), line: split.bodyLine + image.line - 1, field: 'body' })),
    ];
    articles.set(id, { id, file: file.path, data: structuredClone(result.data), bodyDigest: digest, state: decidePublicationState(result.data, now), pictures });
  }
  const isPublic = (id: string) => articles.get(id)?.state === 'published';

  for (const article of articles.values()) {
    const lineOf = lines.get(article.id)!.lineOf;
    const ids = (field: ReferenceField) => article.data[field].map((ref) => ref.id);
    for (const field of REFERENCE_FIELDS) {
      for (const bad of badReferences(field, ids(field), article.id, known[field], brokenIds)) {
        report(article.file, lineOf([field, bad.index]), `${field}[${bad.index}]`, bad.message);
      }
    }
    const linksOut = [
      ...article.data.related.map((ref, index) => ({ id: ref.id, line: lineOf(['related', index]), field: `related[${index}]` })),
      ...(bodyLinks.get(article.id) ?? []).map((l) => ({ ...l, field: 'body' })),
    ];
    for (const link of linksOut) {
      const target = articles.get(link.id);
      if (!target && link.field === 'body' && !firstFileOfId.has(link.id)) {
        report(article.file, link.line, 'body', `link to unknown article "${link.id}.md": no article file with that name`);
      } else if (target && mode === 'build' && article.state === 'published' && !isPublic(link.id)) {
        report(article.file, link.line, link.field, `links to ${target.file}, which is ${target.state} at the build clock ${now.toISOString()}: a link would leak or dead-end; remove it or publish that article first`);
      }
    }
  }
  checkRedirects(articles, (id, path) => lines.get(id)?.lineOf(path) ?? 1, report);
  const front = tree.front ? checkFront(tree.front, firstFileOfId, report) : null;
  let nextChange = nextStateChange([...articles.values()].map((a) => a.data), now);
  if (front?.expires && front.expires > now && (!nextChange || front.expires < nextChange)) nextChange = front.expires;
  return {
    problems,
    articles,
    topicIds,
    authorIds,
    topics: [...topics].map(([id, data]) => ({ id, ...data })),
    authors: [...authors].map(([id, data]) => ({ id, ...data })),
    front,
    now,
    nextChange,
  };
}

/**
 * `front.yaml`: the schema (`src/schemas/front.ts`), then every id must name an article
 * file, and no story may be placed twice. Whether a placed story is public is decided at
 * render time: an unpublished one is left out, so placing an embargoed story ahead of its
 * embargo neither leaks it nor stops the build.
 */
function checkFront(
  file: ContentFile,
  articleFiles: Map<string, string>,
  report: (file: string, line: number, field: string, message: string) => void,
): FrontPlacement | null {
  const parsed = parseYaml(file.contents, 1);
  if (!parsed.ok) {
    report(file.path, parsed.line, 'file', parsed.message);
    return null;
  }
  if (!isMapping(parsed.data)) {
    report(file.path, 1, 'file', 'must be a YAML mapping with lead: and optionally top: and expires:');
    return null;
  }
  const result = FrontSchema().safeParse(parsed.data);
  if (!result.success) {
    for (const issue of result.error.issues) reportIssue(file.path, parsed, issue, report, 1);
    return null;
  }
  const { lead, top, expires } = result.data;
  let ok = true;
  const placed = [{ id: lead, path: ['lead'] as PropertyKey[], field: 'lead' }, ...top.map((id, i) => ({ id, path: ['top', i] as PropertyKey[], field: `top[${i}]` }))];
  const seen = new Set<string>();
  for (const p of placed) {
    const line = parsed.lineOf(p.path) || 1;
    if (!articleFiles.has(p.id)) {
      report(file.path, line, p.field, `unknown article id "${p.id}": no article file with that name`);
      ok = false;
    } else if (seen.has(p.id)) {
      report(file.path, line, p.field, `"${p.id}" is placed twice on the front: list each story once`);
      ok = false;
    }
    seen.add(p.id);
  }
  return ok ? { file: file.path, lead, top, expires } : null;
}

function checkDataFiles<S extends z.ZodType>(
  files: ContentFile[],
  schema: S,
  report: (file: string, line: number, field: string, message: string) => void,
): Map<string, z.output<S>> {
  const ids = new Map<string, z.output<S>>();
  for (const file of files) {
    const id = idFromPath(file.path);
    if (ids.has(id)) report(file.path, 1, 'file', `id "${id}" is used by another file`);
    if (!isValidSlug(id)) report(file.path, 1, 'file', `file name "${id}" is not a URL slug: use lower-case a-z, 0-9 and single hyphens`);
    const contents = textOf(file, report);
    if (contents === null) continue;
    const parsed = parseYaml(contents, 1);
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
    ids.set(id, result.data);
  }
  return ids;
}

/** Former slugs must not clash with a live permalink or with each other. */
function checkRedirects(
  articles: Map<string, CheckedArticle>,
  lineOf: (id: string, path: PropertyKey[]) => number,
  report: (file: string, line: number, field: string, message: string) => void) {
  const claimed = new Map<string, string>();
  for (const a of articles.values()) {
    a.data.redirectFrom.forEach((slug, index) => {
      const live = articles.get(slug);
      const line = lineOf(a.id, ['redirectFrom', index]);
      if (live) report(a.file, line, `redirectFrom[${index}]`, `"${slug}" is the live permalink of ${live.file}: a redirect would hide it`);
      const other = claimed.get(slug);
      if (other && other !== a.file) report(a.file, line, `redirectFrom[${index}]`, `"${slug}" is also a former slug of ${other}`);
      claimed.set(slug, a.file);
    });
  }
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a
 * substring (or a string parsed out of JSON) as a slice that pins its whole parent: values
 * kept for 100,000 articles would otherwise pin every file and every cached body (measured:
 * out of heap at 1.5 GB). `structuredClone` (above) does the same for whole values.
 */
function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The text of a file, or `null` after reporting why it cannot be read. */
function textOf(file: ContentFile, report: (file: string, line: number, field: string, message: string) => void): string | null {
  try {
    return file.contents;
  } catch (error) {
    report(file.path, 1, 'file', error instanceof ContentEncodingError ? error.message : `cannot be read: ${(error as Error).message}`);
    return null;
  }
}

function leadingBlankLines(text: string): number {
  return /^\s*/.exec(text)![0].split('\n').length - 1;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The frontmatter fields that name other content files, and the kind of file each names. */
const REFERENCE_FIELDS = ['topics', 'authors', 'related'] as const;
type ReferenceField = (typeof REFERENCE_FIELDS)[number];
const REFERENCE_KIND: Record<ReferenceField, string> = { topics: 'topic', authors: 'author', related: 'article' };

/**
 * The entries of one reference field of article `self` that name no valid file: `ids` in the
 * order written, `known` the valid ids of that kind. A topic or author whose file exists but is
 * invalid (`brokenIds`) is reported in its own file, not here; an article cannot be related to
 * itself. Returns `{ index, message }` per bad entry, in order.
 */
function badReferences(field: ReferenceField, ids: readonly string[], self: string, known: { has(id: string): boolean }, brokenIds: Set<string>): { index: number; message: string }[] {
  const what = REFERENCE_KIND[field];
  const bad: { index: number; message: string }[] = [];
  ids.forEach((ref, index) => {
    if (!known.has(ref)) {
      if (field !== 'related' && brokenIds.has(ref)) return;
      bad.push({ index, message: `unknown ${what} id "${ref}": no ${what} file with that name` });
    } else if (field === 'related' && ref === self) bad.push({ index, message: 'an article cannot be related to itself' });
  });
  return bad;
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
