/**
 * Helpers for the distribution tests over dist/ (feeds, news sitemap, structured data,
 * social cards): the published articles as their frontmatter says — read here
 * independently of the site's code, corrections and sources included — every feed file
 * of the build, feedparser over many files at once, and the JSON Feed 1.1 rules.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { distDir, publishedArticles, siteUrl, type SourceArticle } from './dist.ts';
import { FEEDPARSER_PYTHON } from './feed-readers.ts';

/** A published article with everything the distribution formats carry. */
export interface PublishedArticle extends SourceArticle {
  /** Newest of publishedAt, updatedAt and every correction. */
  lastModified: Date;
  /** Absolute canonical URL. */
  url: string;
}

/** The build clock the tests assume: `DATELINE_NOW` if set, else now. */
export function testClock(): Date {
  const raw = process.env['DATELINE_NOW']?.trim();
  return raw ? new Date(raw) : new Date();
}

let cache: PublishedArticle[] | undefined;

/** Articles public at the test clock (not draft, embargoed, scheduled or expired), newest first. */
export function publishedForDistribution(): PublishedArticle[] {
  cache ??= publishedArticles(testClock()).map((a) => {
    const times = [a.publishedAt, a.updatedAt, ...a.corrections.map((c) => c.at)].filter((t): t is Date => t !== undefined);
    return { ...a, lastModified: new Date(Math.max(...times.map((t) => t.getTime()))), url: `${siteUrl}/articles/${a.id}/` };
  });
  return cache;
}

/** Published article by its absolute canonical URL. */
export function articleByUrl(): Map<string, PublishedArticle> {
  return new Map(publishedForDistribution().map((a) => [a.url, a]));
}

/** What a feed follows, and where its files are in dist/. */
export interface FeedSet {
  kind: 'site' | 'topic' | 'author' | 'corrections';
  /** Topic or author id. */
  id?: string;
  /** Directory in dist/ relative to it, '' for the site: `topics/shinzo-abe`. */
  dir: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
}

/** Every feed the build must have: site, corrections, each topic and author page. */
export function expectedFeedSets(): FeedSet[] {
  const sets: FeedSet[] = [
    { kind: 'site', dir: '', pageUrl: `${siteUrl}/` },
    { kind: 'corrections', dir: 'corrections', pageUrl: `${siteUrl}/corrections/` },
  ];
  for (const kind of ['topic', 'author'] as const) {
    const folder = kind === 'topic' ? 'topics' : 'authors';
    for (const entry of fs.readdirSync(path.join(distDir, folder), { withFileTypes: true })) {
      if (entry.isDirectory() && fs.existsSync(path.join(distDir, folder, entry.name, 'index.html'))) {
        sets.push({ kind, id: entry.name, dir: `${folder}/${entry.name}`, pageUrl: `${siteUrl}/${folder}/${entry.name}/` });
      }
    }
  }
  return sets;
}

/** The articles a feed set lists, newest first, before the feed-size cap. */
export function articlesOf(set: FeedSet): PublishedArticle[] {
  const all = publishedForDistribution();
  if (set.kind === 'topic') return all.filter((a) => a.topics.includes(set.id!));
  if (set.kind === 'author') return all.filter((a) => a.authors.includes(set.id!));
  return all;
}

/** One correction as the corrections feed lists it. */
export interface CorrectionItem {
  article: PublishedArticle;
  number: number;
  at: Date;
  kind: string;
  text: string;
  url: string;
}

/** Every correction, newest first (ties: article id, then number). */
export function correctionItems(): CorrectionItem[] {
  return publishedForDistribution()
    .flatMap((article) => article.corrections.map((c, i) => ({ article, number: i + 1, ...c, url: `${article.url}#correction-${i + 1}` })))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.article.id.localeCompare(b.article.id) || a.number - b.number);
}

export interface ParsedEntry {
  id: string | null;
  guidislink: boolean | null;
  link: string | null;
  links: { rel?: string; href?: string; type?: string }[];
  title: string | null;
  title_type: string | null;
  summary: string | null;
  content: { type: string | null; value: string | null }[];
  published_epoch: number | null;
  updated_epoch: number | null;
  authors: string[];
  tags: string[];
  language: string | null;
}

export interface ParsedFeed {
  version: string;
  bozo: number;
  bozo_exception: string | null;
  encoding: string | null;
  feed: {
    id: string | null;
    title: string | null;
    subtitle: string | null;
    link: string | null;
    links: { rel?: string; href?: string; type?: string }[];
    language: string | null;
    updated_epoch: number | null;
    image: string | null;
    icon: string | null;
    logo: string | null;
    author: string | null;
  };
  entries: ParsedEntry[];
}

/** Parse many dist/ files with feedparser in one Python process; keyed by dist-relative path. */
export function feedparseMany(files: readonly string[]): Map<string, ParsedFeed> {
  if (!fs.existsSync(FEEDPARSER_PYTHON)) throw new Error(`${FEEDPARSER_PYTHON} not found: run scripts/provision-tests.sh (Debian package python3-feedparser)`);
  const script = path.join(import.meta.dirname, 'feedparser-many.py');
  const out = execFileSync(FEEDPARSER_PYTHON, [script, ...files.map((f) => path.join(distDir, f))], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const parsed = JSON.parse(out) as Record<string, ParsedFeed>;
  return new Map(Object.entries(parsed).map(([abs, feed]) => [path.relative(distDir, abs).split(path.sep).join('/'), feed]));
}

/** RFC 3339 `date-time` (JSON Feed 1.1 dates). */
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isAbsoluteUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return /^https?:$/.test(new URL(v).protocol);
  } catch {
    return false;
  }
}

const TOP_KEYS = new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'author', 'language', 'expired', 'hubs', 'items']);
const ITEM_KEYS = new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'author', 'tags', 'language', 'attachments']);

function checkAuthors(value: unknown, at: string, problems: string[]): void {
  if (!Array.isArray(value)) return void problems.push(`${at}: must be an array`);
  value.forEach((a, i) => {
    if (typeof a !== 'object' || a === null) return void problems.push(`${at}[${i}]: must be an object`);
    const o = a as Record<string, unknown>;
    if (o['name'] === undefined && o['url'] === undefined && o['avatar'] === undefined) problems.push(`${at}[${i}]: needs name, url or avatar`);
    if (o['name'] !== undefined && typeof o['name'] !== 'string') problems.push(`${at}[${i}].name: must be a string`);
    for (const k of ['url', 'avatar']) if (o[k] !== undefined && !isAbsoluteUrl(o[k])) problems.push(`${at}[${i}].${k}: must be an absolute URL`);
  });
}

/**
 * Check a parsed JSON Feed against the JSON Feed 1.1 specification
 * (https://jsonfeed.org/version/1.1), plus Dateline's rule that URLs are absolute.
 * @returns the problems, empty when valid.
 */
export function validateJsonFeed(feed: unknown): string[] {
  const problems: string[] = [];
  if (typeof feed !== 'object' || feed === null || Array.isArray(feed)) return ['top level: must be an object'];
  const f = feed as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!TOP_KEYS.has(key) && !key.startsWith('_')) problems.push(`${key}: not a JSON Feed 1.1 field (extensions start with _)`);
  if (f['version'] !== 'https://jsonfeed.org/version/1.1') problems.push(`version: must be "https://jsonfeed.org/version/1.1", got ${JSON.stringify(f['version'])}`);
  if (typeof f['title'] !== 'string' || f['title'] === '') problems.push('title: required, a non-empty string');
  for (const k of ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon']) if (f[k] !== undefined && !isAbsoluteUrl(f[k])) problems.push(`${k}: must be an absolute URL`);
  for (const k of ['description', 'user_comment', 'language']) if (f[k] !== undefined && typeof f[k] !== 'string') problems.push(`${k}: must be a string`);
  if (f['expired'] !== undefined && typeof f['expired'] !== 'boolean') problems.push('expired: must be a boolean');
  if (f['authors'] !== undefined) checkAuthors(f['authors'], 'authors', problems);
  if (!Array.isArray(f['items'])) return [...problems, 'items: required, an array'];
  const ids = new Set<string>();
  (f['items'] as unknown[]).forEach((raw, i) => {
    const at = `items[${i}]`;
    if (typeof raw !== 'object' || raw === null) return void problems.push(`${at}: must be an object`);
    const item = raw as Record<string, unknown>;
    for (const key of Object.keys(item)) if (!ITEM_KEYS.has(key) && !key.startsWith('_')) problems.push(`${at}.${key}: not a JSON Feed 1.1 item field`);
    if (typeof item['id'] !== 'string' || item['id'] === '') problems.push(`${at}.id: required, a non-empty string`);
    else if (ids.has(item['id'])) problems.push(`${at}.id: ${item['id']} is not unique in the feed`);
    else ids.add(item['id']);
    const html = item['content_html'];
    const text = item['content_text'];
    if (typeof html !== 'string' && typeof text !== 'string') problems.push(`${at}: needs content_html or content_text`);
    for (const k of ['title', 'summary', 'content_html', 'content_text', 'language']) if (item[k] !== undefined && typeof item[k] !== 'string') problems.push(`${at}.${k}: must be a string`);
    for (const k of ['url', 'external_url', 'image', 'banner_image']) if (item[k] !== undefined && !isAbsoluteUrl(item[k])) problems.push(`${at}.${k}: must be an absolute URL`);
    for (const k of ['date_published', 'date_modified']) {
      if (item[k] !== undefined && (typeof item[k] !== 'string' || !RFC3339.test(item[k] as string) || Number.isNaN(Date.parse(item[k] as string)))) problems.push(`${at}.${k}: must be an RFC 3339 date-time`);
    }
    if (item['tags'] !== undefined && (!Array.isArray(item['tags']) || item['tags'].some((t) => typeof t !== 'string'))) problems.push(`${at}.tags: must be an array of strings`);
    if (item['authors'] !== undefined) checkAuthors(item['authors'], `${at}.authors`, problems);
  });
  return problems;
}
