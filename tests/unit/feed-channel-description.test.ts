/**
 * A topic description or author bio with markup in it is text: the RSS channel
 * `<description>` is read as HTML by feed readers, so it must be escaped twice (once as
 * HTML, once as XML), exactly like item descriptions. It used to be escaped once, so
 * readers rendered `<b>` as bold.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildArticleFeed } from '../../src/lib/distribution/feed-model.ts';
import { buildRssXml } from '../../src/lib/distribution/feed-rss.ts';
import { ARTICLES, SITE, bodyOf } from './distribution-fixtures.ts';

const parser = new XMLParser({ ignoreAttributes: false, processEntities: true });

describe('RSS channel description', () => {
  it('escapes a topic description with markup as HTML text', async () => {
    const topic = { id: 'city', name: 'City', description: 'Where <b>bold</b> & "brave" reporting lives' };
    const xml = await buildRssXml(buildArticleFeed({ kind: 'topic', topic }, ARTICLES, { site: SITE, bodyOf, fallbackUpdated: new Date(0) }));
    // After XML parsing, what a reader gets is HTML whose text is the description.
    expect(parser.parse(xml).rss.channel.description).toBe('Where &lt;b&gt;bold&lt;/b&gt; &amp; "brave" reporting lives');
  });

  it('escapes an author bio the same way', async () => {
    const author = { id: 'jane-doe', name: 'Jane Doe', bio: 'Writes about <script> tags' };
    const xml = await buildRssXml(buildArticleFeed({ kind: 'author', author }, ARTICLES, { site: SITE, bodyOf, fallbackUpdated: new Date(0) }));
    expect(parser.parse(xml).rss.channel.description).toBe('Writes about &lt;script&gt; tags');
  });
});
