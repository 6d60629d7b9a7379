/**
 * Byte budgets on dist/, the way a reader on a slow phone connection pays for a page:
 *
 * - every article page's HTML + CSS ≤ 15 KB gzip. Method: the page's HTML file (which holds
 *   any inline <style>) followed by every stylesheet it links (<link rel="stylesheet">, in
 *   document order, read from dist/), concatenated into one buffer and compressed with
 *   node:zlib gzipSync at level 9; the compressed length is the figure. (One gzip stream over
 *   the concatenation, so it is a close approximation of what the files cost separately.)
 *   15 KB = 15 × 1024 bytes.
 * - 0 bytes of JavaScript on article pages: no <script> but JSON-LD data blocks, and no
 *   reference to a .js/.mjs/.cjs file (script src, modulepreload, preload as=script, …).
 * - no <img> without width and height (both positive integers) on any page, so images never
 *   shift the layout while loading.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, distDir, elements, hasToken, htmlPages, isRedirectPage, readDist, requireDist, siteUrl, type Page } from './dist.ts';

const ARTICLE_BUDGET = 15 * 1024;

let articles: Page[];

beforeAll(() => {
  requireDist();
  articles = htmlPages().filter((p) => /^articles\/[^/]+\/index\.html$/.test(p.file) && !isRedirectPage(p));
});

/** The dist/ file of a same-origin URL referenced from `page`, or undefined when it is on another origin. */
function distFileOf(page: Page, href: string): string | undefined {
  const url = new URL(href, `${siteUrl}${page.url}`);
  if (url.origin !== new URL(siteUrl).origin) return undefined;
  return path.join(distDir, decodeURIComponent(url.pathname));
}

interface Weight {
  page: Page;
  html: number;
  css: number;
  gzip: number;
  stylesheets: string[];
}

function weigh(page: Page): Weight {
  const html = Buffer.from(readDist(page.file));
  const stylesheets = elements(page.doc, 'link', (el) => hasToken(el, 'rel', 'stylesheet')).map((el) => attr(el, 'href') ?? '');
  const css = stylesheets.map((href) => {
    const file = distFileOf(page, href);
    if (!file) throw new Error(`${page.file}: stylesheet ${href} is on another origin: its bytes cannot be counted`);
    if (!fs.existsSync(file)) throw new Error(`${page.file}: stylesheet ${href} is not in dist/`);
    return fs.readFileSync(file);
  });
  const all = Buffer.concat([html, ...css]);
  return { page, html: html.length, css: all.length - html.length, gzip: gzipSync(all, { level: 9 }).length, stylesheets };
}

/** Why `page` carries JavaScript: one line per script or script reference (none on a clean page). */
function javascriptProblems(page: Page): string[] {
  const problems: string[] = [];
  for (const script of elements(page.doc, 'script')) {
    const type = (attr(script, 'type') ?? '').trim().toLowerCase();
    if (type !== 'application/ld+json') {
      const bytes = Buffer.byteLength(DomUtils.textContent(script));
      problems.push(`${page.file}: <script${type ? ` type="${type}"` : ''}${attr(script, 'src') ? ` src="${attr(script, 'src')}"` : ''}> (${bytes} bytes inline)`);
    }
  }
  const referencesJs = DomUtils.findAll((el) => ['src', 'href'].some((a) => /\.(m?js|cjs)(?:[?#]|$)/i.test(attr(el, a) ?? '')), page.doc.children);
  for (const el of referencesJs) problems.push(`${page.file}: <${el.name}> references JavaScript ${attr(el, 'src') ?? attr(el, 'href')}`);
  const preloadsScript = elements(page.doc, 'link', (el) => hasToken(el, 'rel', 'modulepreload') || (hasToken(el, 'rel', 'preload') && attr(el, 'as') === 'script'));
  for (const el of preloadsScript) problems.push(`${page.file}: <link rel="${attr(el, 'rel')}"> preloads a script ${attr(el, 'href')}`);
  return [...new Set(problems)];
}

/** One line per <img> of `page` without a positive integer width and height. */
function imageProblems(page: Page): string[] {
  return elements(page.doc, 'img').flatMap((img) => {
    const missing = ['width', 'height'].filter((a) => !/^[1-9]\d*$/.test((attr(img, a) ?? '').trim()));
    return missing.length
      ? [`${page.file}: <img src="${attr(img, 'src') ?? ''}"> has no valid ${missing.join(' or ')} (${missing.map((a) => `${a}=${JSON.stringify(attr(img, a) ?? null)}`).join(', ')})`]
      : [];
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;

describe('byte budgets', () => {
  it('there are article pages to weigh', () => {
    expect(articles.length).toBeGreaterThan(10);
  });

  it(`every article page's HTML + CSS is at most ${ARTICLE_BUDGET / 1024} KB gzip (level 9, one stream over the concatenation)`, () => {
    const weights = articles.map(weigh).sort((a, b) => b.gzip - a.gzip);
    const largest = weights[0]!;
    console.log(
      `largest article: ${largest.page.file}: ${kb(largest.gzip)} gzip (HTML ${kb(largest.html)} + CSS ${kb(largest.css)} raw; ${largest.stylesheets.join(', ') || 'no stylesheet'}); budget ${kb(ARTICLE_BUDGET)}; ${weights.length} articles`,
    );
    const over = weights.filter((w) => w.gzip > ARTICLE_BUDGET).map((w) => `${w.page.file}: ${kb(w.gzip)} gzip HTML + CSS > ${kb(ARTICLE_BUDGET)} (HTML ${kb(w.html)}, CSS ${kb(w.css)} raw)`);
    expect(over, over.join('\n')).toEqual([]);
  });

  it('article pages ship 0 bytes of JavaScript', () => {
    const problems = articles.flatMap(javascriptProblems);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('no page has an <img> without width and height', () => {
    const images = htmlPages().reduce((n, p) => n + elements(p.doc, 'img').length, 0);
    console.log(`images: ${images} <img> in ${htmlPages().length} pages`);
    const problems = htmlPages().flatMap(imageProblems);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the checks catch a script, a script reference and an unsized image (sanity)', () => {
    const page: Page = {
      file: 'articles/fixture/index.html',
      url: '/articles/fixture/',
      doc: parseDocument(
        '<!doctype html><html><head><script type="application/ld+json">{}</script><script>alert(1)</script><link rel="modulepreload" href="/_astro/a.js"></head>' +
          '<body><img src="/a.png" width="10"><img src="/b.png" width="10" height="20"></body></html>',
      ),
    };
    expect(javascriptProblems(page)).toEqual([
      'articles/fixture/index.html: <script> (8 bytes inline)',
      'articles/fixture/index.html: <link> references JavaScript /_astro/a.js',
      'articles/fixture/index.html: <link rel="modulepreload"> preloads a script /_astro/a.js',
    ]);
    expect(imageProblems(page)).toEqual(['articles/fixture/index.html: <img src="/a.png"> has no valid height (height=null)']);
  });
});
