/**
 * A validator for the JSON-LD that Dateline publishes, after Google Search Central's
 * structured data rules:
 *
 * - Article / NewsArticle / BlogPosting ("Article" rich results): Google lists no strictly
 *   required property and recommends `author` (each with `name`, and `url` for a person),
 *   `datePublished` and `dateModified` (ISO 8601 with a time zone), `headline` and
 *   `image` (crawlable, at least 50,000 pixels). Dateline requires all of them, plus a
 *   `publisher` with `name` and `logo`, a `mainEntityOfPage` and absolute URLs throughout.
 * - BreadcrumbList: at least two `ListItem`s, positions 1…n in order, each with `name`,
 *   and `item` (an absolute URL) on all but the last.
 * - WebSite, CollectionPage, ProfilePage, NewsMediaOrganization: `name` and an absolute `url`.
 *
 * Pure: no file system; `src/integrations/structured-data-check.ts` runs it over `dist/`
 * after a build and fails the build naming file and field.
 */

/** One problem: the JSON path of the field and what is wrong. */
export interface JsonLdProblem {
  /** e.g. `NewsArticle.author[0].url` */
  path: string;
  message: string;
}

const ARTICLE_TYPES = new Set(['Article', 'NewsArticle', 'BlogPosting', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle', 'ReviewNewsArticle']);
const PERSON_OR_ORG = new Set(['Person', 'Organization', 'NewsMediaOrganization', 'Corporation', 'EducationalOrganization', 'GovernmentOrganization', 'NGO']);
/** ISO 8601 date-time with seconds optional and a mandatory `Z` or offset. */
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MIN_IMAGE_PIXELS = 50_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: Json | undefined): Json[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const typesOf = (o: Obj): string[] => asList(o['@type']).filter((t): t is string => typeof t === 'string');
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

function isAbsoluteUrl(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

class Collector {
  readonly problems: JsonLdProblem[] = [];
  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }
  /** A field every page type needs. */
  string(o: Obj, key: string, path: string, why: string): void {
    if (!nonEmptyString(o[key])) this.add(`${path}.${key}`, `missing or empty (${why})`);
  }
  url(value: unknown, path: string, why: string): void {
    if (value === undefined) this.add(path, `missing (${why})`);
    else if (!isAbsoluteUrl(value)) this.add(path, `must be an absolute http(s) URL, got ${JSON.stringify(value)} (${why})`);
  }
  dateTime(o: Obj, key: string, path: string, why: string): number | null {
    const v = o[key];
    if (v === undefined) {
      this.add(`${path}.${key}`, `missing (${why})`);
      return null;
    }
    if (typeof v !== 'string' || !DATE_TIME_WITH_ZONE.test(v) || Number.isNaN(Date.parse(v))) {
      this.add(`${path}.${key}`, `must be an ISO 8601 date-time with a time zone, e.g. 2016-11-20T13:03:00+08:00, got ${JSON.stringify(v)} (${why})`);
      return null;
    }
    return Date.parse(v);
  }
}

const GOOGLE_ARTICLE = 'recommended by Google for Article';
const DATELINE = 'required by Dateline for NewsArticle';

function checkImage(c: Collector, value: Json | undefined, path: string): void {
  const images = asList(value);
  if (images.length === 0) {
    c.add(path, `missing (${GOOGLE_ARTICLE})`);
    return;
  }
  images.forEach((image, i) => {
    const at = `${path}[${i}]`;
    if (typeof image === 'string') {
      c.url(image, at, GOOGLE_ARTICLE);
      return;
    }
    if (!isObj(image)) {
      c.add(at, 'must be a URL or an ImageObject');
      return;
    }
    c.url(image['url'] ?? image['contentUrl'], `${at}.url`, GOOGLE_ARTICLE);
    const w = Number(image['width']);
    const h = Number(image['height']);
    if (image['width'] !== undefined && image['height'] !== undefined && w * h < MIN_IMAGE_PIXELS) {
      c.add(at, `is ${w}×${h}: Google wants at least ${MIN_IMAGE_PIXELS} pixels (width × height)`);
    }
  });
}

function checkArticle(c: Collector, o: Obj, path: string): void {
  c.string(o, 'headline', path, GOOGLE_ARTICLE);
  const published = c.dateTime(o, 'datePublished', path, GOOGLE_ARTICLE);
  const modified = c.dateTime(o, 'dateModified', path, GOOGLE_ARTICLE);
  if (published !== null && modified !== null && modified < published) c.add(`${path}.dateModified`, 'is before datePublished');
  const authors = asList(o['author']);
  if (authors.length === 0) c.add(`${path}.author`, `missing (${GOOGLE_ARTICLE})`);
  authors.forEach((author, i) => {
    const at = `${path}.author[${i}]`;
    if (!isObj(author)) {
      c.add(at, 'must be a Person or Organization object, not a bare string');
      return;
    }
    const types = typesOf(author);
    if (!types.some((t) => PERSON_OR_ORG.has(t))) c.add(`${at}.@type`, `must be Person or Organization, got ${JSON.stringify(author['@type'] ?? null)}`);
    c.string(author, 'name', at, GOOGLE_ARTICLE);
    if (types.includes('Person')) c.url(author['url'], `${at}.url`, GOOGLE_ARTICLE);
    else if (author['url'] !== undefined) c.url(author['url'], `${at}.url`, GOOGLE_ARTICLE);
  });
  checkImage(c, o['image'], `${path}.image`);
  const publisher = o['publisher'];
  if (!isObj(publisher)) c.add(`${path}.publisher`, `missing (${DATELINE})`);
  else {
    if (!typesOf(publisher).some((t) => PERSON_OR_ORG.has(t))) c.add(`${path}.publisher.@type`, 'must be an Organization (e.g. NewsMediaOrganization)');
    c.string(publisher, 'name', `${path}.publisher`, DATELINE);
    const logo = publisher['logo'];
    c.url(isObj(logo) ? logo['url'] : logo, `${path}.publisher.logo.url`, DATELINE);
  }
  const main = o['mainEntityOfPage'];
  c.url(isObj(main) ? main['@id'] : main, `${path}.mainEntityOfPage`, DATELINE);
  if (o['url'] !== undefined) c.url(o['url'], `${path}.url`, DATELINE);
  if (o['description'] !== undefined && !nonEmptyString(o['description'])) c.add(`${path}.description`, 'must be a non-empty string');
  asList(o['correction']).forEach((corr, i) => {
    const at = `${path}.correction[${i}]`;
    if (typeof corr === 'string') return;
    if (!isObj(corr)) return c.add(at, 'must be a CorrectionComment, text or URL');
    c.string(corr, 'text', at, 'a CorrectionComment says what was corrected');
    c.dateTime(corr, 'datePublished', at, 'when the correction was made');
  });
}

function checkBreadcrumbs(c: Collector, o: Obj, path: string): void {
  const items = asList(o['itemListElement']);
  if (items.length < 2) c.add(`${path}.itemListElement`, 'needs at least two ListItems (required by Google for BreadcrumbList)');
  items.forEach((item, i) => {
    const at = `${path}.itemListElement[${i}]`;
    if (!isObj(item)) return c.add(at, 'must be a ListItem');
    if (item['position'] !== i + 1) c.add(`${at}.position`, `must be ${i + 1} (positions count from 1 in order), got ${JSON.stringify(item['position'] ?? null)}`);
    c.string(item, 'name', at, 'required by Google for BreadcrumbList');
    const target = isObj(item['item']) ? item['item']['@id'] : item['item'];
    if (i < items.length - 1 || target !== undefined) c.url(target, `${at}.item`, 'required by Google for BreadcrumbList except on the last item');
  });
}

function checkNode(c: Collector, o: Obj, path: string): void {
  const types = typesOf(o);
  const name = `${path}${types[0] ?? '(no @type)'}`;
  if (types.length === 0) c.add(`${name}.@type`, 'missing');
  if (types.some((t) => ARTICLE_TYPES.has(t))) checkArticle(c, o, name);
  if (types.includes('BreadcrumbList')) checkBreadcrumbs(c, o, name);
  if (types.some((t) => ['WebSite', 'CollectionPage', 'ProfilePage', 'WebPage', 'NewsMediaOrganization', 'Organization'].includes(t))) {
    c.string(o, 'name', name, 'names the page or organisation');
    c.url(o['url'], `${name}.url`, 'the canonical URL');
  }
  if (types.includes('ProfilePage')) {
    const main = o['mainEntity'];
    if (!isObj(main) || !typesOf(main).some((t) => PERSON_OR_ORG.has(t))) c.add(`${name}.mainEntity`, 'must be the Person or Organization the profile is about (required by Google for ProfilePage)');
    else c.string(main, 'name', `${name}.mainEntity`, 'required by Google for ProfilePage');
  }
}

/**
 * Validate one parsed JSON-LD document (an object, an array of objects, or an `@graph`).
 * @returns every problem found; empty when valid.
 */
export function validateJsonLd(value: unknown): JsonLdProblem[] {
  const c = new Collector();
  const roots = Array.isArray(value) ? value : [value];
  roots.forEach((root, i) => {
    const prefix = roots.length > 1 ? `[${i}].` : '';
    if (!isObj(root)) return c.add(`${prefix}(root)`, 'must be a JSON object');
    const context = root['@context'];
    if (context !== 'https://schema.org' && context !== 'http://schema.org' && context !== 'https://schema.org/') {
      c.add(`${prefix}@context`, `must be "https://schema.org", got ${JSON.stringify(context ?? null)}`);
    }
    const graph = root['@graph'];
    if (Array.isArray(graph)) graph.forEach((node, j) => (isObj(node) ? checkNode(c, node, `${prefix}@graph[${j}].`) : c.add(`${prefix}@graph[${j}]`, 'must be an object')));
    else checkNode(c, root, prefix);
  });
  return c.problems;
}

/** One `<script type="application/ld+json">` block found in a page. */
export interface JsonLdBlock {
  /** 0-based position among the page's JSON-LD blocks. */
  index: number;
  /** Raw text between the tags. */
  text: string;
}

/**
 * The JSON-LD blocks of an HTML page. Our serialiser never lets `</script` appear inside
 * a block, so the first `</script>` after the start tag ends it, as in a browser.
 */
export function extractJsonLdBlocks(html: string): JsonLdBlock[] {
  const blocks: JsonLdBlock[] = [];
  const start = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>/gi;
  let match: RegExpExecArray | null;
  while ((match = start.exec(html))) {
    const from = match.index + match[0].length;
    const end = html.toLowerCase().indexOf('</script', from);
    blocks.push({ index: blocks.length, text: html.slice(from, end === -1 ? html.length : end) });
    start.lastIndex = end === -1 ? html.length : end;
  }
  return blocks;
}

/**
 * Check every JSON-LD block of one page.
 * @returns `file: block n: path: message` lines; empty when all blocks are valid.
 */
export function checkPageStructuredData(html: string, file: string): string[] {
  const lines: string[] = [];
  for (const block of extractJsonLdBlocks(html)) {
    let data: unknown;
    try {
      data = JSON.parse(block.text);
    } catch (error) {
      lines.push(`${file}: JSON-LD block ${block.index + 1}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    for (const p of validateJsonLd(data)) lines.push(`${file}: JSON-LD block ${block.index + 1}: ${p.path}: ${p.message}`);
  }
  return lines;
}
