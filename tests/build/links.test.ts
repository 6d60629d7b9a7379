/**
 * Every internal link and asset reference in every HTML page of dist/ resolves to a file
 * in dist/ (a directory URL to its index.html), and every `#fragment` to an id on the
 * target page (another page's, or the same page's for a bare `#id`). Absolute URLs on the
 * site's own origin count as internal; other origins are ignored (no network).
 *
 * References checked: the URL attributes below (href, src, poster, data, action, …),
 * `srcset` and `imagesrcset` candidates, meta refresh targets, social-card image URLs
 * (`og:image`, `twitter:image`, …), and `url(…)` in inline <style>, `style` attributes and
 * every stylesheet the pages link (resolved against the stylesheet's own URL).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, distDir, elements, htmlPages, requireDist, siteUrl, type Page } from './dist.ts';
import { DomUtils } from 'htmlparser2';

/** Attributes that reference another resource, by element. */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  script: ['src'],
  source: ['src'],
  iframe: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
};

/** Meta tags whose content is the URL of an image (social cards). */
const SOCIAL_IMAGE_META = /^(og:image(:url|:secure_url)?|twitter:image(:src)?)$/i;

interface Reference {
  /** The page the reference is on (for a stylesheet's url(), a page that links the stylesheet). */
  page: Page;
  element: string;
  value: string;
  /** URL the value is relative to, when it is not the page's (a linked stylesheet). */
  base?: string;
}

/** The URLs in the `url(…)` tokens of CSS text (data: URLs included; `problem` skips them). */
function cssUrls(css: string): string[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/gi)].map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim());
}

/** `url(…)` references in every stylesheet the pages link on the site's origin, each checked once. */
function stylesheetReferences(pages: Page[]): Reference[] {
  const seen = new Set<string>();
  const refs: Reference[] = [];
  for (const page of pages) {
    for (const link of elements(page.doc, 'link', (el) => /\bstylesheet\b/.test(attr(el, 'rel') ?? ''))) {
      const href = attr(link, 'href');
      if (!href) continue;
      const url = new URL(href, `${siteUrl}${page.url}`);
      if (url.origin !== new URL(siteUrl).origin || seen.has(url.pathname)) continue;
      seen.add(url.pathname);
      const file = fileFor(url.pathname);
      if (!file) continue; // reported as a broken <link> of the page
      for (const value of cssUrls(fs.readFileSync(path.join(distDir, file), 'utf8'))) {
        refs.push({ page, element: `${url.pathname} url()`, value, base: url.href });
      }
    }
  }
  return refs;
}

function references(page: Page): Reference[] {
  const refs: Reference[] = [];
  const all = DomUtils.findAll(() => true, page.doc.children);
  for (const el of all) {
    for (const name of URL_ATTRIBUTES[el.name] ?? []) {
      const value = attr(el, name);
      if (value !== undefined) refs.push({ page, element: el.name, value });
    }
    for (const name of ['srcset', 'imagesrcset']) {
      const srcset = attr(el, name);
      if (!srcset) continue;
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push({ page, element: `${el.name}[${name}]`, value: url });
      }
    }
    if (el.name === 'meta' && SOCIAL_IMAGE_META.test(attr(el, 'property') ?? attr(el, 'name') ?? '')) {
      const content = attr(el, 'content');
      if (content) refs.push({ page, element: `meta[${attr(el, 'property') ?? attr(el, 'name')}]`, value: content });
    }
    const style = attr(el, 'style');
    if (style) for (const url of cssUrls(style)) refs.push({ page, element: `${el.name}[style] url()`, value: url });
    if (el.name === 'style') for (const url of cssUrls(DomUtils.textContent(el))) refs.push({ page, element: 'style url()', value: url });
    if (el.name === 'meta' && (attr(el, 'http-equiv') ?? '').toLowerCase() === 'refresh') {
      const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attr(el, 'content') ?? '')?.[1];
      if (target) refs.push({ page, element: 'meta[refresh]', value: target });
    }
  }
  return refs;
}

/** The dist/ file a static host serves for a URL path, or undefined. */
function fileFor(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidates = decoded.endsWith('/') ? [`${decoded}index.html`] : [decoded, `${decoded}/index.html`];
  for (const candidate of candidates) {
    const file = path.join(distDir, candidate);
    if (!file.startsWith(distDir)) return undefined;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return path.relative(distDir, file).split(path.sep).join('/');
  }
  return undefined;
}

const idsByFile = new Map<string, Set<string>>();

function idsOf(file: string): Set<string> {
  let ids = idsByFile.get(file);
  if (!ids) {
    const page = htmlPages().find((p) => p.file === file);
    const withId = page ? DomUtils.findAll((el: Element) => el.attribs['id'] !== undefined || (el.name === 'a' && el.attribs['name'] !== undefined), page.doc.children) : [];
    ids = new Set(withId.map((el) => el.attribs['id'] ?? el.attribs['name']!));
    idsByFile.set(file, ids);
  }
  return ids;
}

/** Why a reference is broken, or undefined when it resolves (or is external). */
function problem(ref: Reference): string | undefined {
  const value = ref.value.trim();
  if (value === '') return 'empty URL';
  if (/^(mailto|tel|data|javascript):/i.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, ref.base ?? `${siteUrl}${ref.page.url}`);
  } catch {
    return 'not a valid URL';
  }
  if (url.origin !== new URL(siteUrl).origin) return undefined; // external
  const file = fileFor(url.pathname);
  if (!file) return `no file in dist/ for ${url.pathname}`;
  const fragment = decodeURIComponent(url.hash.slice(1));
  if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) return `no element with id "${fragment}" on ${url.pathname}`;
  return undefined;
}

let refs: Reference[];

beforeAll(() => {
  requireDist();
  refs = [...htmlPages().flatMap(references), ...stylesheetReferences(htmlPages())];
});

describe('internal links and assets', () => {
  it('finds the references to check (sanity)', () => {
    expect(htmlPages().length).toBeGreaterThan(10);
    expect(refs.length).toBeGreaterThan(htmlPages().length * 5);
    expect(refs.some((r) => r.element === 'link' && r.value.includes('/_astro/'))).toBe(true);
  });

  it('every internal href/src resolves to a file in dist/, fragments included', () => {
    const broken = refs
      .map((ref) => ({ ref, why: problem(ref) }))
      .filter((r) => r.why)
      .map(({ ref, why }) => (ref.base ? `${ref.element} ${ref.value} (stylesheet of ${ref.page.file} and others) → ${why}` : `${ref.page.file}: <${ref.element}> ${ref.value} → ${why}`));
    expect([...new Set(broken)]).toEqual([]);
  });

  it('the checker catches a broken link and a broken fragment (sanity)', () => {
    const page = htmlPages().find((p) => p.url === '/')!;
    expect(problem({ page, element: 'a', value: '/no-such-page/' })).toMatch(/no file/);
    expect(problem({ page, element: 'a', value: '/#no-such-id' })).toMatch(/no element with id/);
    expect(problem({ page, element: 'a', value: '#main' })).toBeUndefined();
    expect(problem({ page, element: 'a', value: 'https://example.org/elsewhere' })).toBeUndefined();
    // Same-page fragment from another page than home: resolved on that page, not on home.
    const article = htmlPages().find((p) => p.file.startsWith('articles/'))!;
    expect(problem({ page: article, element: 'a', value: '#main' })).toBeUndefined();
    expect(problem({ page: article, element: 'a', value: '#no-such-id' })).toBe(`no element with id "no-such-id" on ${article.url}`);
    expect(problem({ page, element: 'a', value: `${article.url}#main` })).toBeUndefined();
    // Assets: an image, an icon link, a stylesheet's url() (relative to the stylesheet's own URL).
    expect(problem({ page, element: 'img', value: '/no-such-image.png' })).toMatch(/no file in dist\/ for \/no-such-image\.png/);
    expect(problem({ page, element: 'link', value: '/favicon.svg' })).toBeUndefined();
    expect(problem({ page, element: 'css url()', value: '../favicon.svg', base: `${siteUrl}/_astro/x.css` })).toBeUndefined();
    expect(problem({ page, element: 'css url()', value: 'missing.woff2', base: `${siteUrl}/_astro/x.css` })).toMatch(/no file in dist\/ for \/_astro\/missing\.woff2/);
    expect(cssUrls(`a{background:url("/a.png")} /* url(/commented.png) */ b{background:url( '/b.png' ) url(c.svg)}`)).toEqual(['/a.png', '/b.png', 'c.svg']);
  });

  it('also checks the social-card image URLs (sanity)', () => {
    expect(refs.some((r) => r.element.startsWith('meta[og:image'))).toBe(true);
  });

  it('every page’s stylesheet and icon exist', () => {
    for (const page of htmlPages()) {
      for (const link of elements(page.doc, 'link', (el) => /\b(stylesheet|icon)\b/.test(attr(el, 'rel') ?? ''))) {
        expect(problem({ page, element: 'link', value: attr(link, 'href') ?? '' }), `${page.file}: ${attr(link, 'href')}`).toBeUndefined();
      }
    }
  });
});
