/**
 * Escaping through a real client: the feed model of made-up articles whose headline,
 * standfirst, topic and author names are hard to escape (`</script>`, `&amp;` typed
 * literally, quotes, `<`, `]]>`, emoji, a number-like name `007`) is written as RSS and
 * Atom, and feedparser must read every value back exactly, with no bozo flag.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArticleFeed } from '../../src/lib/distribution/feed-model.ts';
import { buildRssXml } from '../../src/lib/distribution/feed-rss.ts';
import { buildAtomXml } from '../../src/lib/distribution/feed-atom.ts';
import { ARTICLES, NASTY_HEADLINE, SITE, bodyOf, nasty } from '../unit/distribution-fixtures.ts';
import { FEEDPARSER_PYTHON, htmlText } from './feed-readers.ts';
import type { ParsedFeed } from './distribution.ts';

let dir: string;
const read = new Map<string, ParsedFeed>();

beforeAll(async () => {
  const model = buildArticleFeed({ kind: 'site' }, ARTICLES, { site: SITE, bodyOf, fallbackUpdated: new Date(0) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-feed-escaping-'));
  fs.writeFileSync(path.join(dir, 'rss.xml'), await buildRssXml(model, { stylesheet: '/feed.xsl' }));
  fs.writeFileSync(path.join(dir, 'atom.xml'), buildAtomXml(model, { stylesheet: '/feed.xsl' }));
  const script = path.join(import.meta.dirname, 'feedparser-many.py');
  const out = JSON.parse(execFileSync(FEEDPARSER_PYTHON, [script, path.join(dir, 'rss.xml'), path.join(dir, 'atom.xml')], { encoding: 'utf8' })) as Record<string, ParsedFeed>;
  for (const [file, feed] of Object.entries(out)) read.set(path.basename(file), feed);
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(['rss.xml', 'atom.xml'])('%s through feedparser', (file) => {
  it('parses with no bozo flag', () => {
    expect(read.get(file)!.bozo_exception).toBeNull();
    expect(read.get(file)!.bozo).toBe(0);
  });

  it('gives the headline back exactly', () => {
    expect(read.get(file)!.entries[0]!.title).toBe(NASTY_HEADLINE);
  });

  it('gives the standfirst, topic and author names back exactly, number-like names included', () => {
    const entry = read.get(file)!.entries[0]!;
    // RSS description is HTML (its text is the standfirst); Atom summary is type="text".
    expect(file === 'rss.xml' ? htmlText(entry.summary ?? '') : entry.summary).toBe(nasty.standfirst);
    expect(entry.tags).toEqual(['Q&A <live>']);
    expect(entry.authors).toEqual([`Ann O'Brien & "Co"`, '007']);
  });

  it('carries the body as HTML whose text and links survive', () => {
    const html = read.get(file)!.entries[0]!.content[0]!.value!;
    expect(htmlText(html)).toContain('5 < 6 & seed note out');
    expect(html).toContain('href="https://dateline.example/articles/nasty-headline/#note"');
    expect(htmlText(html)).toContain('The <b> tag was literal text.');
  });

  it('gives the Japanese headline back exactly', () => {
    expect(read.get(file)!.entries[2]!.title).toBe('福岡県西方沖地震から1年、各地で行事');
  });
});
