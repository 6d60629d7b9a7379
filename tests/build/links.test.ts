/**
 * Every internal link and asset reference in every HTML page of dist/ resolves to a file
 * in dist/ (a directory URL to its index.html), and every `#fragment` to an id on the
 * target page. Absolute URLs on the site's own origin count as internal; other origins
 * are ignored.
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

interface Reference {
  page: Page;
  element: string;
  value: string;
}

function references(page: Page): Reference[] {
  const refs: Reference[] = [];
  const all = DomUtils.findAll(() => true, page.doc.children);
  for (const el of all) {
    for (const name of URL_ATTRIBUTES[el.name] ?? []) {
      const value = attr(el, name);
      if (value !== undefined) refs.push({ page, element: el.name, value });
    }
    const srcset = attr(el, 'srcset');
    if (srcset) {
      for (const candidate of srcset.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) refs.push({ page, element: `${el.name}[srcset]`, value: url });
      }
    }
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
    url = new URL(value, `${siteUrl}${ref.page.url}`);
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
  refs = htmlPages().flatMap(references);
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
      .map(({ ref, why }) => `${ref.page.file}: <${ref.element}> ${ref.value} → ${why}`);
    expect([...new Set(broken)]).toEqual([]);
  });

  it('the checker catches a broken link and a broken fragment (sanity)', () => {
    const page = htmlPages().find((p) => p.url === '/')!;
    expect(problem({ page, element: 'a', value: '/no-such-page/' })).toMatch(/no file/);
    expect(problem({ page, element: 'a', value: '/#no-such-id' })).toMatch(/no element with id/);
    expect(problem({ page, element: 'a', value: '#main' })).toBeUndefined();
    expect(problem({ page, element: 'a', value: 'https://example.org/elsewhere' })).toBeUndefined();
  });

  it('every page’s stylesheet and icon exist', () => {
    for (const page of htmlPages()) {
      for (const link of elements(page.doc, 'link', (el) => /\b(stylesheet|icon)\b/.test(attr(el, 'rel') ?? ''))) {
        expect(problem({ page, element: 'link', value: attr(link, 'href') ?? '' }), `${page.file}: ${attr(link, 'href')}`).toBeUndefined();
      }
    }
  });
});
