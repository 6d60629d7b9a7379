/**
 * Shared helpers for the tests over the built site: where dist/ is, its HTML pages parsed
 * with a real HTML parser, and the published articles read straight from the Markdown
 * frontmatter (independently of the site's own code), to compare the output with.
 *
 * These tests never build: `npm test` builds the fixture site (`npm run test:site`) and the
 * real site (`npm run build`) before Vitest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import yaml from 'js-yaml';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
/** The built fixture site (tests/fixtures/site), or another build named by `DATELINE_TEST_DIST` (the smoke suite: dist/). */
export const distDir = path.resolve(repoRoot, process.env['DATELINE_TEST_DIST'] || 'test-results/site-dist');
/** The content tree that build came from (`DATELINE_TEST_CONTENT`; default tests/fixtures/site). */
export const contentDir = path.resolve(repoRoot, process.env['DATELINE_TEST_CONTENT'] || 'tests/fixtures/site');

/** The site origin the build used (`npm test` builds with the default). */
export const siteUrl = (process.env['SITE_URL']?.trim() || 'https://dateline.example').replace(/\/+$/, '');
export const feedSize = 50;
/** Items in each topic and author feed (site config `listingFeedSize`). */
export const listingFeedSize = 20;

/** Throw a clear error when dist/ has not been built. */
export function requireDist(): void {
  if (!fs.existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`${distDir}/index.html not found: run \`${process.env['DATELINE_TEST_DIST'] ? 'npm run build' : 'npm run test:site'}\` first (\`npm test\` does it for you)`);
  }
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

export function readDist(file: string): string {
  return fs.readFileSync(path.join(distDir, file), 'utf8');
}

/** A built HTML page: its file in dist/, the root-relative URL it is served at, and its DOM. */
export interface Page {
  file: string;
  /** `/`, `/articles/slug/`, `/404.html` */
  url: string;
  doc: Document;
}

/** URL path at which a static host serves a file of dist/ (`a/index.html` → `/a/`). */
export function urlOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

let pagesCache: Page[] | undefined;

/** Every HTML file in dist/, parsed (cached per test file). */
export function htmlPages(): Page[] {
  requireDist();
  pagesCache ??= listFiles(distDir)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, url: urlOfFile(file), doc: parseDocument(readDist(file)) }));
  return pagesCache;
}

export function pageAt(url: string): Page {
  const page = htmlPages().find((p) => p.url === url);
  if (!page) throw new Error(`no page in dist/ is served at ${url}`);
  return page;
}

/** All elements named `tag` (optionally also matching `where`), in document order. */
export function elements(root: Document | Element, tag: string, where: (el: Element) => boolean = () => true): Element[] {
  return DomUtils.findAll((el) => el.name === tag && where(el), root.children);
}

export function attr(el: Element, name: string): string | undefined {
  return DomUtils.getAttributeValue(el, name);
}

export function text(el: Element | Document): string {
  return DomUtils.textContent(el);
}

/** Whether a space-separated attribute (like `rel` or `class`) contains `token`. */
export function hasToken(el: Element, name: string, token: string): boolean {
  return (attr(el, name) ?? '').split(/\s+/).includes(token);
}

/** A redirect stub (Astro `redirects`): `<meta http-equiv="refresh">`, not a real page. */
export function isRedirectPage(page: Page): boolean {
  return elements(page.doc, 'meta', (el) => (attr(el, 'http-equiv') ?? '').toLowerCase() === 'refresh').length > 0;
}

/** Whether the page asks search engines not to index it (`<meta name="robots" content="noindex">`). */
export function isNoindex(page: Page): boolean {
  return elements(page.doc, 'meta', (el) => attr(el, 'name')?.toLowerCase() === 'robots' && /\bnoindex\b/i.test(attr(el, 'content') ?? '')).length > 0;
}

/** The page's `<link rel="canonical">` href, or undefined. */
export function canonicalOf(page: Page): string | undefined {
  const link = elements(page.doc, 'link', (el) => hasToken(el, 'rel', 'canonical'))[0];
  return link && attr(link, 'href');
}

/** A published article as its Markdown frontmatter says (the source of truth for the tests). */
export interface SourceArticle {
  id: string;
  file: string;
  headline: string;
  standfirst: string;
  topics: string[];
  authors: string[];
  publishedAt: Date;
  updatedAt?: Date;
  draft: boolean;
  embargoUntil?: Date;
  expiresAt?: Date;
  lang?: string;
  dateline?: string;
  source?: { name: string; url: string; license: string; licenseUrl: string };
  /** Oldest first. */
  corrections: { at: Date; kind: string; text: string }[];
}

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Every article of the content tree (`contentDir`), drafts included (see `draft`). */
export function sourceArticles(): SourceArticle[] {
  const dir = path.join(contentDir, 'articles');
  return listFiles(dir)
    .filter((f) => f.endsWith('.md'))
    .map((rel) => {
      const file = path.relative(repoRoot, path.join(dir, rel)).split(path.sep).join('/');
      const match = FRONTMATTER.exec(fs.readFileSync(path.join(dir, rel), 'utf8'));
      if (!match) throw new Error(`${file}: no frontmatter`);
      const data = yaml.load(match[1]!) as Record<string, unknown>;
      const article: SourceArticle = {
        id: path.basename(rel, '.md'),
        file,
        headline: String(data['headline']),
        standfirst: String(data['standfirst']),
        topics: (data['topics'] as string[]) ?? [],
        authors: (data['authors'] as string[] | undefined) ?? [],
        publishedAt: new Date(String(data['publishedAt'])),
        draft: data['draft'] === true,
        corrections: ((data['corrections'] as { at: unknown; kind: unknown; text: unknown }[] | undefined) ?? [])
          .map((c) => ({ at: new Date(String(c.at)), kind: String(c.kind), text: String(c.text) }))
          .sort((a, b) => a.at.getTime() - b.at.getTime()),
      };
      if (data['updatedAt'] !== undefined) article.updatedAt = new Date(String(data['updatedAt']));
      if (data['embargoUntil'] !== undefined) article.embargoUntil = new Date(String(data['embargoUntil']));
      if (data['expiresAt'] !== undefined) article.expiresAt = new Date(String(data['expiresAt']));
      if (typeof data['lang'] === 'string') article.lang = data['lang'];
      if (typeof data['dateline'] === 'string') article.dateline = data['dateline'];
      if (data['source'] !== undefined) article.source = data['source'] as NonNullable<SourceArticle['source']>;
      return article;
    });
}

/** The build clock: `DATELINE_NOW` when set (reproducible builds), else now. */
export const buildNow = new Date(process.env['DATELINE_NOW']?.trim() || Date.now());

/** Whether a production build at `now` publishes the article: not a draft, not scheduled, not embargoed, not expired. */
export function isPublished(a: SourceArticle, now = buildNow): boolean {
  const t = now.getTime();
  return (
    !a.draft &&
    a.publishedAt.getTime() <= t &&
    (a.embargoUntil === undefined || a.embargoUntil.getTime() <= t) &&
    (a.expiresAt === undefined || a.expiresAt.getTime() > t)
  );
}

/** Published articles at `now`, newest first (ties by id). */
export function publishedArticles(now = buildNow): SourceArticle[] {
  return sourceArticles()
    .filter((a) => isPublished(a, now))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.id.localeCompare(b.id));
}

/** Topic id → display name, from the content tree's topics/*.yaml. */
export function topicNames(): Map<string, string> {
  const dir = path.join(contentDir, 'topics');
  return new Map(
    listFiles(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => [f.replace(/\.ya?ml$/, ''), String((yaml.load(fs.readFileSync(path.join(dir, f), 'utf8')) as { name: unknown }).name)]),
  );
}

/** Author id → display name, from the content tree's authors/*.yaml. */
export function authorNames(): Map<string, string> {
  const dir = path.join(contentDir, 'authors');
  return new Map(
    listFiles(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => [f.replace(/\.ya?ml$/, ''), String((yaml.load(fs.readFileSync(path.join(dir, f), 'utf8')) as { name: unknown }).name)]),
  );
}

/** Root-relative URL of an article page. */
export function articleUrl(id: string): string {
  return `/articles/${id}/`;
}

export const SEED_ID = 'abe-putin-hold-intensive-talks-on-disputed-islands';
