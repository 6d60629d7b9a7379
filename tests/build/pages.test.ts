/**
 * Every HTML page in dist/ carries the head and body essentials (lang, title, description,
 * absolute canonical, RSS autodiscovery, skip link), article pages match their frontmatter,
 * and no page ships client JavaScript (only JSON-LD data blocks are allowed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomUtils } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SEED_ID,
  articleUrl,
  attr,
  canonicalOf,
  elements,
  hasToken,
  htmlPages,
  isRedirectPage,
  listFiles,
  distDir,
  publishedArticles,
  requireDist,
  siteUrl,
  sourceArticles,
  isPublished,
  text,
  type Page,
} from './dist.ts';

let pages: Page[];

beforeAll(() => {
  requireDist();
  pages = htmlPages().filter((p) => !isRedirectPage(p));
});

function metaContent(page: Page, name: string): string | undefined {
  const meta = elements(page.doc, 'meta', (el) => attr(el, 'name')?.toLowerCase() === name)[0];
  return meta && attr(meta, 'content');
}

/** Run `check` on every page and collect `file: message` for each failure. */
function everyPage(check: (page: Page) => string | undefined): string[] {
  return pages.map((p) => [p.file, check(p)] as const).filter(([, m]) => m).map(([f, m]) => `${f}: ${m}`);
}

describe('every HTML page', () => {
  it('there are pages to check: home, articles, topics, authors, 404', () => {
    const urls = pages.map((p) => p.url);
    expect(urls).toContain('/');
    expect(urls).toContain('/404.html');
    expect(urls).toContain('/topics/');
    expect(urls).toContain('/authors/');
    expect(urls).toContain(articleUrl(SEED_ID));
  });

  it('has <html lang>', () => {
    expect(everyPage((p) => (attr(elements(p.doc, 'html')[0]!, 'lang')?.trim() ? undefined : 'missing <html lang>'))).toEqual([]);
  });

  it('has exactly one non-empty <title>', () => {
    expect(
      everyPage((p) => {
        const titles = elements(p.doc, 'title');
        return titles.length === 1 && text(titles[0]!).trim() ? undefined : `${titles.length} <title>, text ${JSON.stringify(titles.map((t) => text(t)))}`;
      }),
    ).toEqual([]);
  });

  it('has a non-empty meta description', () => {
    expect(everyPage((p) => (metaContent(p, 'description')?.trim() ? undefined : 'no meta description'))).toEqual([]);
  });

  it('has one absolute canonical link on the site (its own URL, except the 404 page)', () => {
    expect(
      everyPage((p) => {
        const links = elements(p.doc, 'link', (el) => hasToken(el, 'rel', 'canonical'));
        if (links.length !== 1) return `${links.length} canonical links`;
        const href = canonicalOf(p)!;
        if (!href.startsWith(`${siteUrl}/`)) return `canonical ${href} is not an absolute URL on ${siteUrl}`;
        if (p.url !== '/404.html' && href !== `${siteUrl}${p.url}`) return `canonical ${href} is not the page's URL ${siteUrl}${p.url}`;
        return undefined;
      }),
    ).toEqual([]);
  });

  it('has the RSS autodiscovery link to the absolute feed URL', () => {
    expect(
      everyPage((p) => {
        const feeds = elements(p.doc, 'link', (el) => hasToken(el, 'rel', 'alternate') && attr(el, 'type') === 'application/rss+xml');
        return feeds.some((l) => attr(l, 'href') === `${siteUrl}/rss.xml`) ? undefined : `RSS links: ${JSON.stringify(feeds.map((l) => attr(l, 'href')))}`;
      }),
    ).toEqual([]);
  });

  it('starts the body with a skip link to #main, and has the #main target', () => {
    expect(
      everyPage((p) => {
        const body = elements(p.doc, 'body')[0]!;
        const firstLink = elements(body, 'a')[0];
        if (!firstLink || attr(firstLink, 'href') !== '#main') return `first link is ${firstLink ? attr(firstLink, 'href') : 'missing'}, not the skip link to #main`;
        if (!text(firstLink).trim()) return 'skip link has no text';
        const main = elements(p.doc, 'main');
        if (main.length !== 1) return `${main.length} <main> elements`;
        return attr(main[0]!, 'id') === 'main' ? undefined : 'the <main> element has no id="main"';
      }),
    ).toEqual([]);
  });

  it('has no <script> other than JSON-LD (the search page: one module script more), and every JSON-LD block is valid JSON', () => {
    expect(
      everyPage((p) => {
        const modules = elements(p.doc, 'script', (s) => attr(s, 'type') === 'module');
        if (p.url === '/search/') {
          // Astro inlines a script below 4 kB and links a bigger one from /_astro/.
          const src = modules.length === 1 ? attr(modules[0]!, 'src') : undefined;
          const code = src ? fs.readFileSync(path.join(distDir, src), 'utf8') : modules.length === 1 ? text(modules[0]!) : '';
          if (!code.includes('/pagefind/shards.json')) return `the search page has ${modules.length} module scripts, expected its one search script`;
        }
        for (const script of elements(p.doc, 'script')) {
          if (p.url === '/search/' && script === modules[0]) continue;
          if (attr(script, 'type') !== 'application/ld+json') return `<script ${JSON.stringify(script.attribs)}> is not JSON-LD`;
          try {
            JSON.parse(text(script));
          } catch (e) {
            return `JSON-LD does not parse: ${(e as Error).message}`;
          }
        }
        return undefined;
      }),
    ).toEqual([]);
  });

  it('has no inline event handlers or javascript: URLs (no client JavaScript at all)', () => {
    expect(
      everyPage((p) => {
        const offenders = DomUtils.findAll((el) => Object.entries(el.attribs).some(([name, value]) => /^on/i.test(name) || /^\s*javascript:/i.test(value)), p.doc.children);
        return offenders.length ? `inline script on ${offenders.map((el) => `<${el.name} ${Object.keys(el.attribs).join(' ')}>`).join(', ')}` : undefined;
      }),
    ).toEqual([]);
  });

  it('dist/ contains no JavaScript files but the search index runtime the search page loads', () => {
    const scripts = listFiles(distDir).filter((f) => /\.(m?js|cjs)$/.test(f));
    const searchPage = fs.readFileSync(path.join(distDir, 'search', 'index.html'), 'utf8');
    // Besides Pagefind: at most the search page's own script, and no page but the search page links it.
    const own = scripts.filter((f) => !/^pagefind\/[a-z]+-\d{4}(-\d{4})?\//.test(f));
    expect(own.length).toBeLessThanOrEqual(1);
    for (const f of own) {
      expect(searchPage, f).toContain(`src="/${f}"`);
      expect(everyPage((p) => (p.url !== '/search/' && elements(p.doc, 'script').some((el) => attr(el, 'src') === `/${f}`) ? `${p.url} links ${f}` : undefined))).toEqual([]);
    }
    // Only Pagefind's search API and its worker, in each shard: its unused UI bundles are not shipped.
    const pagefind = scripts.filter((f) => !own.includes(f));
    expect([...new Set(pagefind.map((f) => f.replace(/^pagefind\/[^/]+\//, '')))].sort()).toEqual(['pagefind-worker.js', 'pagefind.js']);
  });
});

describe('article pages', () => {
  it('every published article has a page, and no unpublished one has a listed page', () => {
    const urls = new Set(pages.map((p) => p.url));
    for (const a of publishedArticles()) expect(urls.has(articleUrl(a.id)), `${a.file} has no page at ${articleUrl(a.id)}`).toBe(true);
    for (const a of sourceArticles().filter((x) => !isPublished(x) && x.draft)) {
      expect(urls.has(articleUrl(a.id)), `draft ${a.file} has a page`).toBe(false);
    }
  });

  it('have exactly one h1, equal to the headline', () => {
    for (const a of publishedArticles()) {
      const page = pages.find((p) => p.url === articleUrl(a.id))!;
      const h1s = elements(page.doc, 'h1');
      expect(h1s.map((h) => text(h).trim()), a.file).toEqual([a.headline]);
    }
  });

  it('have meta description = standfirst and a title that starts with the headline', () => {
    for (const a of publishedArticles()) {
      const page = pages.find((p) => p.url === articleUrl(a.id))!;
      expect(metaContent(page, 'description'), a.file).toBe(a.standfirst);
      expect(text(elements(page.doc, 'title')[0]!).startsWith(a.headline), a.file).toBe(true);
    }
  });

  it('mark an article not in the site language with lang on the article element', () => {
    const foreign = publishedArticles().filter((a) => a.lang);
    expect(foreign.length).toBeGreaterThan(0);
    for (const a of foreign) {
      const page = pages.find((p) => p.url === articleUrl(a.id))!;
      const h1 = elements(page.doc, 'h1')[0]!;
      let node: typeof h1 | null = h1;
      let lang: string | undefined;
      while (node && lang === undefined) {
        lang = attr(node, 'lang');
        node = node.parent && node.parent.type === 'tag' ? (node.parent as typeof h1) : null;
      }
      expect(lang, `${a.file}: nearest lang of the h1`).toBe(a.lang);
      expect(elements(page.doc, 'article', (el) => attr(el, 'lang') === a.lang).length, `${a.file}: <article lang="${a.lang}">`).toBeGreaterThan(0);
    }
  });
});
