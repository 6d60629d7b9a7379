/**
 * Issue 4 behaviour, asserted on real builds of tests/fixtures/newsroom/ at fixed build clocks:
 * - harbour-tunnel-reopens: published, two corrections, updateNote, redirectFrom, inline .md link
 * - ferry-timetable-changes: published
 * - budget-embargoed-scoop: embargoUntil 2026-03-04T11:00:00+08:00
 * - scheduled-weekend-guide: publishedAt 2026-03-06T07:00:00+08:00
 * - draft-secret-plan: draft
 * - old-promotion-expired: expiresAt 2026-02-08T00:00:00+08:00
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { buildFixture, listFiles, readOut, type FixtureBuild } from './helpers.ts';

const HIDDEN = {
  embargoed: ['budget-embargoed-scoop', 'EMBARGOED: Budget surplus revealed'],
  scheduled: ['scheduled-weekend-guide', 'SCHEDULED: Weekend guide'],
  draft: ['draft-secret-plan', 'DRAFT: Secret plan'],
} as const;

function filesContaining(build: FixtureBuild, needle: string): string[] {
  return listFiles(build.outDir).filter((f) => fs.readFileSync(path.join(build.outDir, f), 'utf8').includes(needle));
}

let before: FixtureBuild;
let atLift: FixtureBuild;

beforeAll(() => {
  before = buildFixture('newsroom', '2026-03-04T10:59:59+08:00');
  atLift = buildFixture('newsroom', '2026-03-04T11:00:00+08:00');
}, 240_000);

afterAll(() => {
  for (const b of [before, atLift]) if (b) fs.rmSync(b.outDir, { recursive: true, force: true });
});

describe('a build one second before an embargo lifts', () => {
  it('succeeds and prints the build clock and the next change (the embargo lift)', () => {
    expect(before.status, before.stderr).toBe(0);
    expect(before.stdout).toContain('build clock: 2026-03-04T02:59:59.000Z');
    expect(before.stdout).toContain('next scheduled change: 2026-03-04T03:00:00.000Z');
  });

  for (const [state, [slug, headline]] of Object.entries(HIDDEN)) {
    it(`leaves the ${state} article's slug and headline out of every file`, () => {
      expect(filesContaining(before, slug)).toEqual([]);
      expect(filesContaining(before, headline)).toEqual([]);
    });
  }

  it('replaces an expired article with a "no longer available" page that is not listed anywhere', () => {
    const page = readOut(before, 'articles/old-promotion-expired/index.html');
    expect(page).toContain('This article is no longer available');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(filesContaining(before, 'EXPIRED: Limited-time museum offer')).toEqual([]);
    expect(filesContaining(before, 'old-promotion-expired').sort()).toEqual(['articles/old-promotion-expired/index.html']);
  });

  it('shows corrections on the article, oldest first, with anchors', () => {
    const page = readOut(before, 'articles/harbour-tunnel-reopens/index.html');
    expect(page).toMatch(/<li id="correction-1"><strong>Clarification<\/strong>, <time datetime="2026-03-02T18:00:00\+08:00">/);
    expect(page).toMatch(/<li id="correction-2"><strong>Correction<\/strong>, <time datetime="2026-03-03T09:15:00\+08:00">/);
    expect(page).toContain('it was closed for two.');
  });

  it('counts the newest correction as the update: shown time and sitemap lastmod', () => {
    const page = readOut(before, 'articles/harbour-tunnel-reopens/index.html');
    expect(page).toContain('<dt>Updated</dt> <dd><time datetime="2026-03-03T09:15:00+08:00">Tuesday, 3 March 2026, 9:15am HKT</time>');
    expect(page).toContain('Adds the transport department');
    const sitemap = readOut(before, 'sitemap-0.xml');
    const entry = /<url><loc>https:\/\/dateline\.example\/articles\/harbour-tunnel-reopens\/<\/loc><lastmod>([^<]+)<\/lastmod>/.exec(sitemap);
    expect(new Date(entry![1]!).getTime()).toBe(new Date('2026-03-03T09:15:00+08:00').getTime());
  });

  it('lists every correction, newest first, on /corrections/ with links to the anchors', () => {
    const page = readOut(before, 'corrections/index.html');
    const correction = page.indexOf('/articles/harbour-tunnel-reopens/#correction-2');
    const clarification = page.indexOf('/articles/harbour-tunnel-reopens/#correction-1');
    expect(correction).toBeGreaterThan(0);
    expect(clarification).toBeGreaterThan(correction);
  });

  it('turns an inline link to another article file into its permalink, and marks external links', () => {
    const page = readOut(before, 'articles/harbour-tunnel-reopens/index.html');
    expect(page).toContain('<a href="/articles/ferry-timetable-changes/">the ferry timetable</a>');
    expect(page).toContain('<a href="https://www.td.gov.hk/" rel="noopener noreferrer">the official notice</a>');
    expect(page).not.toContain('.md"');
  });

  it('keeps allowed raw HTML (abbr) and Markdown tables', () => {
    const page = readOut(before, 'articles/harbour-tunnel-reopens/index.html');
    expect(page).toContain('<abbr title="Transport Department">TD</abbr>');
    expect(page).toContain('<th>Lane</th>');
  });

  it('writes a redirect page and a _redirects line for a former slug, kept out of the sitemap', () => {
    expect(readOut(before, '_redirects')).toBe('/articles/tunnel-reopens/ /articles/harbour-tunnel-reopens/ 301\n');
    expect(readOut(before, 'articles/tunnel-reopens/index.html')).toContain('url=/articles/harbour-tunnel-reopens/');
    expect(readOut(before, 'sitemap-0.xml')).not.toContain('tunnel-reopens/</loc>'.replace('tunnel', '/tunnel'));
    expect(readOut(before, 'sitemap-0.xml')).not.toContain('/articles/tunnel-reopens/');
  });
});

describe('a build at the instant the embargo lifts', () => {
  it('succeeds and now points at the scheduled article as the next change', () => {
    expect(atLift.status, atLift.stderr).toBe(0);
    expect(atLift.stdout).toContain('next scheduled change: 2026-03-05T23:00:00.000Z');
  });

  it('publishes the formerly embargoed article everywhere: page, home, topic page, feed and sitemap', () => {
    const [slug, headline] = HIDDEN.embargoed;
    expect(readOut(atLift, `articles/${slug}/index.html`)).toContain(`<h1 class="headline">${headline}</h1>`);
    expect(readOut(atLift, 'index.html')).toContain(`/articles/${slug}/`);
    expect(readOut(atLift, 'topics/city/index.html')).toContain(`/articles/${slug}/`);
    expect(readOut(atLift, 'rss.xml')).toContain(`<title>${headline}</title>`);
    expect(readOut(atLift, 'sitemap-0.xml')).toContain(`https://dateline.example/articles/${slug}/`);
  });

  it('still hides the scheduled and draft articles', () => {
    for (const [slug, headline] of [HIDDEN.scheduled, HIDDEN.draft]) {
      expect(filesContaining(atLift, slug)).toEqual([]);
      expect(filesContaining(atLift, headline)).toEqual([]);
    }
  });
});
