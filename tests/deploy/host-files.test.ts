/**
 * The host files: deploy/nginx.conf is what the policy generates; the build's _headers,
 * _redirects and vercel.json, read by the hosts' own parsers (Netlify's @netlify/headers-parser
 * and @netlify/redirect-parser, Vercel's @vercel/routing-utils), give every path the headers
 * the policy says; the header CSP agrees with the meta CSP of every built page.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { parseAllRedirects } from '@netlify/redirect-parser';
import { getTransformedRoutes } from '@vercel/routing-utils';
import { parseDocument, DomUtils } from 'htmlparser2';
import {
  CACHE_IMMUTABLE,
  CACHE_SHORT,
  SECURITY_HEADERS,
  buildCspHeader,
  buildServingPolicy,
  cspFromMeta,
  isReportUrl,
  matchesPattern,
  patternToRegex,
  rulesFor,
} from '../../src/lib/deploy/headers-policy.ts';
import {
  HEADERS_LINE_LIMIT,
  HostFileError,
  nginxString,
  renderHeadersFile,
  renderNginxBuildInclude,
  renderNginxServer,
  renderRedirectsFile,
} from '../../src/lib/deploy/host-files.ts';
import { NGINX_SERVER_BLOCK, servedDistDir } from './nginx-server.ts';

const dist = servedDistDir();
const read = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8');
const htmlFiles = fs
  .readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.html'))
  .map((d) => path.join(d.parentPath, d.name));
const metaCsp = (file: string) =>
  DomUtils.findOne((el) => el.name === 'meta' && el.attribs['http-equiv'] === 'content-security-policy', parseDocument(fs.readFileSync(file, 'utf8')).children)?.attribs['content'];

/** Paths of one kind each, from the build, with what the policy promises for them. */
const SAMPLES: { path: string; cache: string; type?: string }[] = [
  { path: '/', cache: CACHE_SHORT },
  { path: '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/', cache: CACHE_SHORT },
  { path: `/_astro/${fs.readdirSync(path.join(dist, '_astro')).find((f) => f.endsWith('.css'))}`, cache: CACHE_IMMUTABLE },
  { path: `/images/${fs.readdirSync(path.join(dist, 'images')).find((f) => f.endsWith('.avif'))}`, cache: CACHE_IMMUTABLE },
  { path: `/maps/${fs.readdirSync(path.join(dist, 'maps')).find((f) => f.endsWith('.svg'))}`, cache: CACHE_IMMUTABLE },
  { path: '/pagefind/shards.json', cache: CACHE_SHORT },
  { path: '/rss.xml', cache: CACHE_SHORT, type: 'application/rss+xml; charset=utf-8' },
  { path: '/topics/shinzo-abe/atom.xml', cache: CACHE_SHORT, type: 'application/atom+xml; charset=utf-8' },
  { path: '/authors/wikinews-contributors/feed.json', cache: CACHE_SHORT, type: 'application/feed+json; charset=utf-8' },
  { path: '/corrections/rss.xml', cache: CACHE_SHORT, type: 'application/rss+xml; charset=utf-8' },
  { path: '/sitemap-index.xml', cache: CACHE_SHORT, type: 'application/xml; charset=utf-8' },
  { path: '/sitemap-0.xml', cache: CACHE_SHORT, type: 'application/xml; charset=utf-8' },
  { path: '/news-sitemap.xml', cache: CACHE_SHORT, type: 'application/xml; charset=utf-8' },
  { path: '/feed.xsl', cache: CACHE_SHORT, type: 'text/xsl; charset=utf-8' },
];

describe('the committed nginx server block', () => {
  it('is exactly what the policy generates (run `npm run deploy-config` after changing the policy)', () => {
    expect(fs.readFileSync(NGINX_SERVER_BLOCK, 'utf8')).toBe(renderNginxServer());
  });
});

describe('the CSP', () => {
  it('every built page carries the same meta CSP, whose script and style sources are those of the header', () => {
    expect(htmlFiles.length).toBeGreaterThan(10);
    const metas = new Set(htmlFiles.map(metaCsp));
    expect(metas.size).toBe(1);
    const [meta] = [...metas];
    expect(meta).toBeDefined();
    const header = cspFromMeta(read('_headers').match(/^ {2}Content-Security-Policy: (.+)$/m)![1]!);
    expect(header).toEqual(cspFromMeta(meta!));
  });

  it('allows no inline script or style by default and never unsafe-inline; carries frame-ancestors and reporting', () => {
    const header = read('_headers').match(/^ {2}Content-Security-Policy: (.+)$/m)![1]!;
    expect(header).not.toContain('unsafe-inline');
    // 'wasm-unsafe-eval' (WebAssembly compilation, for Pagefind's worker) is the one relaxation; no JavaScript eval.
    expect(header.replaceAll("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).toContain("object-src 'none'");
    expect(header).toMatch(/; report-uri \/csp-reports; report-to csp-endpoint$/);
    expect(read('_headers')).toContain('  Reporting-Endpoints: csp-endpoint="/csp-reports"\n');
  });

  it('JSON-LD data blocks are not hashed (a CSP does not apply to data blocks), and pages have no other inline script', () => {
    const meta = cspFromMeta(metaCsp(path.join(dist, 'index.html'))!);
    for (const file of htmlFiles) {
      const doc = parseDocument(fs.readFileSync(file, 'utf8'));
      const own = cspFromMeta(metaCsp(file)!);
      for (const script of DomUtils.getElementsByTagName('script', doc.children)) {
        if (script.attribs['src']) continue;
        // The search page's module script (ADR 13) is the one inline script: it must be hashed.
        if (file.endsWith(`${path.sep}search${path.sep}index.html`) && script.attribs['type'] === 'module') {
          expect(own.scriptSources, `${file}: search script not hashed`).toContain(`'sha256-${createHash('sha256').update(DomUtils.textContent(script)).digest('base64')}'`);
          continue;
        }
        expect(script.attribs['type'], `${file}: inline script`).toBe('application/ld+json');
      }
      // The one <style> is the Fonts API's @font-face block, allowed by its hash only.
      for (const style of DomUtils.getElementsByTagName('style', doc.children)) {
        expect(DomUtils.textContent(style), file).toMatch(/^(:root\{[^}]*\})?@font-face/);
        expect(own.styleSources, `${file}: unhashed <style>`).toContain(`'sha256-${createHash('sha256').update(DomUtils.textContent(style)).digest('base64')}'`);
      }
    }
    expect(meta.scriptSources.every((s) => s === "'self'" || s === "'wasm-unsafe-eval'" || /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s))).toBe(true);
  });

  it('rejects report URLs that are not https or root-relative', () => {
    expect(isReportUrl('/csp-reports')).toBe(true);
    expect(isReportUrl('https://reports.example.org/csp')).toBe(true);
    for (const bad of ['http://reports.example.org/csp', '//evil.example/x', 'csp-reports', '/a b', '/a;b']) expect(isReportUrl(bad), bad).toBe(false);
    expect(() => buildCspHeader({ scriptSources: ["'self'"], styleSources: ["'self'"], reportUrl: 'http://x.example/' })).toThrow(TypeError);
    expect(buildCspHeader({ scriptSources: ["'self'"], styleSources: ["'self'"] })).not.toMatch(/report/);
  });
});

describe('patterns', () => {
  it('match whole segments for :name and any characters for *', () => {
    expect(patternToRegex('/topics/:topic/rss.xml')).toBe('^/topics/[^/]+/rss\\.xml$');
    expect(matchesPattern('/topics/:topic/rss.xml', '/topics/shinzo-abe/rss.xml')).toBe(true);
    expect(matchesPattern('/topics/:topic/rss.xml', '/topics/a/b/rss.xml')).toBe(false);
    expect(matchesPattern('/topics/:topic/rss.xml', '/topics/shinzo-abe/rss.xmlx')).toBe(false);
    expect(matchesPattern('/_astro/*', '/_astro/fonts/x.woff2')).toBe(true);
    expect(matchesPattern('/sitemap-*', '/sitemap-0.xml')).toBe(true);
  });

  it('the path rules are disjoint: no built file matches two of them', () => {
    const policy = buildServingPolicy({ scriptSources: ["'self'"], styleSources: ["'self'"], redirects: [] });
    const files = fs.readdirSync(dist, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    for (const d of files) {
      const url = `/${path.relative(dist, path.join(d.parentPath, d.name)).split(path.sep).join('/')}`;
      const matching = policy.rules.filter((r) => r.patterns.some((p) => matchesPattern(p, url)));
      expect(matching.length, url).toBeLessThanOrEqual(1);
    }
    for (const s of SAMPLES) expect(rulesFor(policy, s.path), s.path).toEqual({ cacheControl: s.cache, contentType: s.type });
  });
});

describe('_headers as Netlify reads it (@netlify/headers-parser)', async () => {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [path.join(dist, '_headers')], configHeaders: [], minimal: false });
  /** Netlify applies every matching rule in order; a later rule's value of a header wins. */
  const effective = (p: string) => Object.assign({}, ...(headers as Header[]).filter((h) => h.forRegExp.test(p)).map((h) => h.values)) as Record<string, string>;

  it('parses without errors', () => {
    expect(errors).toEqual([]);
    expect(headers.length).toBeGreaterThan(10);
  });

  for (const s of SAMPLES) {
    it(`${s.path}: security headers, CSP, Cache-Control ${s.cache}${s.type ? `, Content-Type ${s.type}` : ''}`, () => {
      const h = effective(s.path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(h[name], name).toBe(value);
      expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
      expect(h['Cache-Control']).toBe(s.cache);
      expect(h['Content-Type']).toBe(s.type);
    });
  }

  it('keeps every line within Cloudflare Pages limits (2,000 characters a line, 100 rules)', () => {
    const lines = read('_headers').split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(HEADERS_LINE_LIMIT);
    expect(lines.filter((l) => l.startsWith('/')).length).toBeLessThanOrEqual(100);
    const huge = buildServingPolicy({ scriptSources: Array.from({ length: 60 }, (_, i) => `'sha256-${'A'.repeat(43)}${i}='`), styleSources: [], redirects: [] });
    expect(() => renderHeadersFile(huge)).toThrow(HostFileError);
  });
});

describe('_redirects', () => {
  const redirects = [
    { from: '/articles/old-slug/', to: '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/' },
    { from: '/articles/another-old-slug/', to: '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/' },
  ];
  it('is read by Netlify (@netlify/redirect-parser) as 301s, sorted by source', async () => {
    const policy = buildServingPolicy({ scriptSources: ["'self'"], styleSources: ["'self'"], redirects });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-redirects-test-'));
    try {
      fs.writeFileSync(path.join(dir, '_redirects'), renderRedirectsFile(policy));
      const parsed = await parseAllRedirects({ redirectsFiles: [path.join(dir, '_redirects')], configRedirects: [], minimal: true });
      expect(parsed.errors).toEqual([]);
      expect((parsed.redirects as { from: string; to: string; status?: number }[]).map((r) => [r.from, r.to, r.status])).toEqual([
        ['/articles/another-old-slug/', '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/', 301],
        ['/articles/old-slug/', '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/', 301],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the build writes one line per former slug (this build: the same as its redirect pages)', () => {
    const lines = read('_redirects').split('\n').filter(Boolean);
    for (const line of lines) expect(line).toMatch(/^\/articles\/[a-z0-9-]+\/ \/articles\/[a-z0-9-]+\/ 301$/);
  });

  it('nginx gets an exact-match 301 for each, with and without the trailing slash', () => {
    const include = renderNginxBuildInclude(buildServingPolicy({ scriptSources: ["'self'"], styleSources: ["'self'"], redirects }));
    expect(include).toContain('location = /articles/old-slug/ { return 301 /articles/abe-putin-hold-intensive-talks-on-disputed-islands/; }\n');
    expect(include).toContain('location = /articles/old-slug { return 301 /articles/abe-putin-hold-intensive-talks-on-disputed-islands/; }\n');
    expect(() => renderNginxBuildInclude(buildServingPolicy({ scriptSources: [], styleSources: [], redirects: [{ from: '/a b/', to: '/c/' }] }))).toThrow(HostFileError);
    expect(() => nginxString('a $b')).toThrow(HostFileError);
    expect(nginxString('csp-endpoint="/x"')).toBe('"csp-endpoint=\\"/x\\""');
  });
});

describe('vercel.json as Vercel routes it (@vercel/routing-utils)', () => {
  const config = JSON.parse(read('vercel.json'));
  config.redirects.push({ source: '/articles/old-slug/', destination: '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/', statusCode: 301 });
  const { routes, error } = getTransformedRoutes(config);
  type R = { src: string; headers?: Record<string, string>; status?: number; continue?: boolean };
  /** Vercel's routing: `continue` routes add their headers (later ones win); the first route with a status answers. */
  const route = (p: string) => {
    const headers: Record<string, string> = {};
    for (const r of (routes ?? []) as R[]) {
      if (!new RegExp(r.src).test(p)) continue;
      if (r.status) return { status: r.status, location: r.headers?.['Location']?.replace('$1', new RegExp(r.src).exec(p)?.[1] ?? '') };
      if (r.continue) Object.assign(headers, r.headers);
    }
    return { status: 200, headers };
  };

  it('is valid', () => {
    expect(error).toBeNull();
  });

  for (const s of SAMPLES) {
    it(`${s.path}: security headers, CSP, Cache-Control ${s.cache}${s.type ? `, Content-Type ${s.type}` : ''}`, () => {
      const r = route(s.path);
      expect(r.status).toBe(200);
      const h = r.headers!;
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(h[name], name).toBe(value);
      expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
      expect(h['Cache-Control']).toBe(s.cache);
      expect(h['Content-Type']).toBe(s.type);
    });
  }

  it('redirects /articles/x to /articles/x/ (308, Vercel trailingSlash) and former slugs with 301', () => {
    expect(route('/articles/abe-putin-hold-intensive-talks-on-disputed-islands')).toEqual({ status: 308, location: '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/' });
    expect(route('/articles/old-slug/')).toEqual({ status: 301, location: '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/' });
    expect(route('/rss.xml').status).toBe(200);
  });
});
