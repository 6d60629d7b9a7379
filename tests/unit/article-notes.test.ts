/**
 * One renderer for an article's corrections box and source credit, shared by the page
 * components and the feeds (issue "One content pipeline", 8).
 */
import { describe, expect, it } from 'vitest';
import { renderCorrectionsHtml, renderSourceCreditHtml } from '../../src/lib/pages/article-notes.ts';
import { articleFooterHtml } from '../../src/lib/distribution/feed-model.ts';
import { SITE } from './distribution-fixtures.ts';
import { makeArticle } from './make-article.ts';

const display = { timeZone: 'Asia/Hong_Kong', locale: 'en-GB', timeZoneLabelLocale: 'en-US' };
const corrections = [
  { at: new Date('2016-11-21T01:00:00Z'), kind: 'correction' as const, text: 'An earlier version said <b>Tuesday</b> & more.' },
  { at: new Date('2016-11-22T01:00:00Z'), kind: 'clarification' as const, text: 'Clarified the venue.' },
];
const source = { name: 'Wikinews', url: 'https://en.wikinews.org/wiki/X?a=1&b=2', license: 'CC BY 2.5', licenseUrl: 'https://creativecommons.org/licenses/by/2.5/' };

describe('renderCorrectionsHtml', () => {
  it('anchors each note #correction-<n>, dates it exactly and escapes the text', () => {
    const html = renderCorrectionsHtml(corrections, { display });
    expect(html).toContain('<li id="correction-1"><strong>Correction</strong>, <time datetime="2016-11-21T09:00:00+08:00">');
    expect(html).toContain(': An earlier version said &lt;b&gt;Tuesday&lt;/b&gt; &amp; more.</li>');
    expect(html).toContain('<li id="correction-2"><strong>Clarification</strong>');
    expect(html).not.toContain('Read the corrected article');
  });
  it('renders nothing without corrections', () => {
    expect(renderCorrectionsHtml([], { display })).toBe('');
  });
});

describe('the feeds use the same renderer as the page', () => {
  it('appends exactly the page notes (plus a link back) to a feed item', () => {
    const article = makeArticle({ id: 'abe-putin', corrections, source });
    const url = `${SITE.url}/articles/abe-putin/`;
    const siteDisplay = { timeZone: SITE.timeZone, locale: SITE.language, timeZoneLabelLocale: SITE.timeZoneLabelLocale };
    expect(articleFooterHtml(article, SITE)).toBe(renderCorrectionsHtml(corrections, { display: siteDisplay, articleUrl: url }) + renderSourceCreditHtml(source));
    expect(renderSourceCreditHtml(source)).toBe(
      '<p class="source-attribution">Originally published by <a href="https://en.wikinews.org/wiki/X?a=1&amp;b=2">Wikinews</a>, licensed under <a href="https://creativecommons.org/licenses/by/2.5/" rel="license">CC BY 2.5</a>.</p>',
    );
  });
});
