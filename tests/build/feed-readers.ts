/**
 * Read a feed the way consumers do: a strict XML parser (fast-xml-parser, after a
 * well-formedness check) and Python's feedparser, the library behind many feed readers.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument, DomUtils } from 'htmlparser2';

/** Debian's python3 (package python3-feedparser); a pyenv/venv python on PATH lacks feedparser. */
export const FEEDPARSER_PYTHON = '/usr/bin/python3';
const FEEDPARSER_SCRIPT = path.join(import.meta.dirname, 'feedparser-many.py');

export interface FeedparserEntry {
  title: string | null;
  title_type: string | null;
  link: string | null;
  id: string | null;
  guidislink: boolean | null;
  summary: string | null;
  published: string | null;
  published_epoch: number | null;
  tags: string[];
  author: string | null;
}

export interface FeedparserResult {
  version: string;
  bozo: number;
  bozo_exception: string | null;
  encoding: string | null;
  feed: {
    title: string | null;
    link: string | null;
    links: { rel?: string; href?: string; type?: string }[];
    subtitle: string | null;
    language: string | null;
    updated: string | null;
    updated_epoch: number | null;
  };
  entries: FeedparserEntry[];
}

/** Parse `file` with feedparser; throws a clear message when it is not installed. */
export function feedparser(file: string): FeedparserResult {
  if (!fs.existsSync(FEEDPARSER_PYTHON)) {
    throw new Error(`${FEEDPARSER_PYTHON} not found: run scripts/provision-tests.sh (Debian package python3-feedparser)`);
  }
  try {
    const byFile = JSON.parse(execFileSync(FEEDPARSER_PYTHON, [FEEDPARSER_SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as Record<string, FeedparserResult>;
    return byFile[file]!;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    if (stderr.includes('No module named')) {
      throw new Error(`feedparser is not installed for ${FEEDPARSER_PYTHON}: run scripts/provision-tests.sh (Debian package python3-feedparser)\n${stderr}`);
    }
    throw error;
  }
}

/** feedparser returns item descriptions as (sanitised) HTML: their text, entities decoded. */
export function htmlText(html: string): string {
  return DomUtils.textContent(parseDocument(html));
}

/** An element's text when it also has attributes (`<guid isPermaLink="true">…`). */
export type XmlText = string | { '#text': string; [attr: `@_${string}`]: string };

export interface XmlItem {
  title: string;
  link: string;
  guid: XmlText;
  description: string;
  pubDate: string;
  category?: string[];
  'dc:creator'?: string;
}

export interface XmlChannel {
  title: string;
  link: string;
  description: string;
  language?: string;
  lastBuildDate?: string;
  'atom:link'?: { '@_href': string; '@_rel': string; '@_type'?: string }[];
  item?: XmlItem[];
}

export interface XmlFeed {
  rss: { '@_version': string; channel: XmlChannel };
}

/** Parse RSS text strictly; throws when it is not well-formed XML. Values stay exact strings. */
export function parseRss(xml: string): XmlFeed {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: line ${valid.err.line}: ${valid.err.msg}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true, // decodes numeric character references (`&#39;`), which XML defines
    isArray: (name) => name === 'item' || name === 'category' || name === 'atom:link',
  });
  return parser.parse(xml) as XmlFeed;
}

export function xmlText(value: XmlText): string {
  return typeof value === 'string' ? value : value['#text'];
}

/** RFC 822 date as RSS 2.0 wants it, written in GMT: `Sun, 20 Nov 2016 05:03:00 GMT`. */
export const RFC822_GMT = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
