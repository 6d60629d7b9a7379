/**
 * Fixtures for the distribution tests (feeds, news sitemap, structured data, head tags):
 * the default site configuration and a few articles whose text is hard to escape.
 */
import { resolveSiteConfig } from '../../src/site.config.ts';
import type { Article } from '../../src/lib/content/article-model.ts';
import { SEED_PUBLISHED, SEED_UPDATED, makeArticle } from './make-article.ts';

/** The default configuration (`https://dateline.example`, en-GB, Asia/Hong_Kong). */
export const SITE = resolveSiteConfig({});

/** A headline that breaks naive XML, HTML and JSON-in-HTML serialisers. */
export const NASTY_HEADLINE = `Q&A: AT&amp;T's "</script><!-- <b>" & 5 < 6 > 3 ]]> — café 📰`;

export const seed: Article = makeArticle({
  id: 'abe-putin-hold-intensive-talks-on-disputed-islands',
  headline: 'Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit',
  standfirst: 'Lingering tensions have prevented the two countries ever signing a peace treaty to formally end second world war hostilities',
  topics: [
    { id: 'shinzo-abe', name: 'Shinzo Abe' },
    { id: 'japan-russia-relations', name: 'Japan–Russia relations' },
    { id: 'diplomacy', name: 'Diplomacy' },
  ],
  dateline: 'LIMA',
  publishedAt: SEED_PUBLISHED,
  updatedAt: SEED_UPDATED,
});

/** Authored, sourced, corrected, and with the nasty headline. */
export const nasty: Article = makeArticle({
  id: 'nasty-headline',
  headline: NASTY_HEADLINE,
  standfirst: `Standfirst with <tags> & "quotes" and 'apostrophes'`,
  topics: [{ id: 'q-and-a', name: 'Q&A <live>' }],
  authors: [
    { id: 'o-brien', name: `Ann O'Brien & "Co"` },
    { id: 'agent', name: '007' },
  ],
  publishedAt: new Date('2016-11-21T09:00:00+08:00'),
  updatedAt: new Date('2016-11-21T10:00:00+08:00'),
  corrections: [
    { at: new Date('2016-11-21T12:00:00+08:00'), kind: 'correction', text: 'An earlier version said 5 > 6 & 7.' },
    { at: new Date('2016-11-22T08:30:00+08:00'), kind: 'clarification', text: 'The <b> tag was literal text.' },
  ],
  source: { name: 'Wikinews', url: 'https://en.wikinews.org/wiki/X?a=1&b=2', license: 'CC BY 2.5', licenseUrl: 'https://creativecommons.org/licenses/by/2.5/' },
});

/** A Japanese-language article. */
export const japanese: Article = makeArticle({
  id: 'ja-story',
  headline: '福岡県西方沖地震から1年、各地で行事',
  standfirst: '地震から1年。',
  topics: [{ id: 'nihon', name: '日本', lang: 'ja' }],
  authors: [{ id: 'wikinews-contributors', name: 'Wikinews contributors' }],
  publishedAt: new Date('2016-11-19T08:00:00+09:00'),
  lang: 'ja',
});

/** Body HTML as `entry.rendered.html` gives it: root-relative and relative links. */
export const BODIES: Record<string, string> = {
  [seed.id]: '<p>Abe said he “has come to see a path”.</p><p><a href="/topics/japan-russia-relations/">Can space bring two old frenemies Japan and Russia closer together?</a></p>',
  [nasty.id]: '<p>5 &lt; 6 &amp; <a href="/articles/abe-putin-hold-intensive-talks-on-disputed-islands/#x">seed</a> <a href="#note">note</a> <a href="https://example.org/a?b=1&amp;c=2">out</a></p><p><img src="/media/x.png" srcset="/media/x.png 1x, /media/x@2x.png 2x" alt="A &quot;chart&quot;"></p><blockquote cite="../other/">q</blockquote>',
  [japanese.id]: '<p>福岡県西方沖地震から1年。</p>',
};

export const bodyOf = (a: Article): string => BODIES[a.id] ?? '';

/** Newest first, as `getSiteIndex()` lists them. */
export const ARTICLES: Article[] = [nasty, seed, japanese];
