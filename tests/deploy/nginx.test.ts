/**
 * The shipped nginx config, for real: Debian's nginx serves the built site on loopback with
 * deploy/nginx.conf (and the build's _nginx.conf), and real HTTP requests check statuses,
 * headers, content types and bodies. See ./nginx-server.ts for how nginx is run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_IMMUTABLE, CACHE_SHORT, SECURITY_HEADERS, buildServingPolicy } from '../../src/lib/deploy/headers-policy.ts';
import { HOST_FILES, renderNginxBuildInclude } from '../../src/lib/deploy/host-files.ts';
import { metaCspOfPage } from '../../src/integrations/host-config.ts';
import { servedDistDir, startNginx, type NginxServer } from './nginx-server.ts';

const dist = servedDistDir();
const SEED = '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/';
const headerCsp = fs.readFileSync(path.join(dist, '_headers'), 'utf8').match(/^ {2}Content-Security-Policy: (.+)$/m)![1]!;

let server: NginxServer;
const get = (p: string, init: RequestInit = {}) => fetch(`${server.origin}${p}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  server = await startNginx(dist);
});
afterAll(async () => {
  await server?.stop();
});

function expectSecurityHeaders(res: Response, what: string): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
  expect(res.headers.get('content-security-policy'), `${what}: CSP`).toBe(headerCsp);
  expect(res.headers.get('reporting-endpoints'), `${what}: Reporting-Endpoints`).toBe('csp-endpoint="/csp-reports"');
}

describe('nginx with deploy/nginx.conf over the build', () => {
  const pages = ['/', SEED, '/topics/shinzo-abe/', '/authors/wikinews-contributors/', '/corrections/', '/topics/', '/page/2/'];
  for (const p of pages) {
    it(`${p}: 200, text/html; charset=utf-8, the page's bytes, security headers, short cache`, async () => {
      const res = await get(p);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe(CACHE_SHORT);
      expectSecurityHeaders(res, p);
      expect(await res.text()).toBe(fs.readFileSync(path.join(dist, p, 'index.html'), 'utf8'));
    });
  }

  const typed: [string, string][] = [
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/topics/shinzo-abe/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/authors/wikinews-contributors/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/corrections/feed.json', 'application/feed+json; charset=utf-8'],
    ['/sitemap-index.xml', 'application/xml; charset=utf-8'],
    ['/sitemap-0.xml', 'application/xml; charset=utf-8'],
    ['/news-sitemap.xml', 'application/xml; charset=utf-8'],
    ['/feed.xsl', 'text/xsl; charset=utf-8'],
    ['/feed.css', 'text/css; charset=utf-8'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/favicon.svg', 'image/svg+xml; charset=utf-8'],
    ['/og-default.png', 'image/png'],
  ];
  for (const [p, type] of typed) {
    it(`${p}: 200, ${type}, short cache, security headers`, async () => {
      const res = await get(p);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe(CACHE_SHORT);
      expectSecurityHeaders(res, p);
      expect(Buffer.from(await res.arrayBuffer()).equals(fs.readFileSync(path.join(dist, p)))).toBe(true);
    });
  }

  it('hashed /_astro/ assets: immutable for a year, gzip on request', async () => {
    const css = fs.readdirSync(path.join(dist, '_astro')).find((f) => f.endsWith('.css'))!;
    const res = await get(`/_astro/${css}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(CACHE_IMMUTABLE);
    expectSecurityHeaders(res, css);
    const gz = await get(`/_astro/${css}`, { headers: { 'accept-encoding': 'gzip' }, decompress: false } as RequestInit);
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('/articles/x redirects with 301 to /articles/x/ (relative Location), with the security headers', async () => {
    const res = await get(SEED.slice(0, -1));
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(SEED);
    expectSecurityHeaders(res, 'redirect');
  });

  for (const p of ['/no-such-page/', '/articles/no-such-article/', '/no-such-file.xml', '/_astro/no-such-asset.js']) {
    it(`${p}: 404 with the 404 page, security headers and a short cache (never immutable)`, async () => {
      const res = await get(p);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe(CACHE_SHORT);
      expectSecurityHeaders(res, p);
      expect(await res.text()).toBe(fs.readFileSync(path.join(dist, '404.html'), 'utf8'));
    });
  }

  it('does not serve the host configuration files', async () => {
    for (const file of Object.values(HOST_FILES)) {
      expect(fs.existsSync(path.join(dist, file)), file).toBe(true);
      expect((await get(`/${file}`)).status, file).toBe(404);
    }
  });

  it('answers CSP reports (POST /csp-reports) with 204 and logs them; other methods get 405', async () => {
    const report = JSON.stringify({ 'csp-report': { 'blocked-uri': 'inline', 'violated-directive': 'script-src-elem' } });
    const res = await get('/csp-reports', { method: 'POST', headers: { 'content-type': 'application/csp-report' }, body: report });
    expect(res.status).toBe(204);
    expect((await get('/csp-reports')).status).toBe(405);
    expect(server.accessLog()).toMatch(/"POST \/csp-reports HTTP\/1\.1" 204 /);
  });

  it('redirects of the build (dist/_redirects) answer 301, with and without the trailing slash', async () => {
    const lines = fs.readFileSync(path.join(dist, '_redirects'), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      const [from, to] = line.split(' ');
      for (const source of [from!, from!.replace(/\/$/, '')]) {
        const res = await get(source);
        expect(res.status, source).toBe(301);
        expect(res.headers.get('location'), source).toBe(to);
      }
    }
  });
});

describe('nginx redirects from the build include', () => {
  // The editorial build may have no former slugs, so this serves the same build through a
  // folder of links to it whose _nginx.conf is rendered by the build's own code path with
  // one redirect added.
  let linked: NginxServer;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-linked-dist-'));
    for (const entry of fs.readdirSync(dist)) if (entry !== HOST_FILES.nginxInclude) fs.symlinkSync(path.join(dist, entry), path.join(root, entry));
    const sources = metaCspOfPage(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'), 'index.html');
    const policy = buildServingPolicy({ ...sources, redirects: [{ from: '/articles/old-slug/', to: SEED }], reportUrl: '/csp-reports' });
    fs.writeFileSync(path.join(root, HOST_FILES.nginxInclude), renderNginxBuildInclude(policy));
    linked = await startNginx(root);
  });
  afterAll(async () => {
    await linked?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers 301 to the permalink for the former URL with and without its slash, with the security headers', async () => {
    for (const source of ['/articles/old-slug/', '/articles/old-slug']) {
      const res = await fetch(`${linked.origin}${source}`, { redirect: 'manual' });
      expect(res.status, source).toBe(301);
      expect(res.headers.get('location'), source).toBe(SEED);
      expect(res.headers.get('content-security-policy')).toBe(headerCsp);
      expect(res.headers.get('strict-transport-security')).toBe(SECURITY_HEADERS['Strict-Transport-Security']);
    }
    expect((await fetch(`${linked.origin}${SEED}`)).status).toBe(200);
  });
});
