/** The seed article as the issue specifies it: what its page must show. */
import fs from 'node:fs';
import path from 'node:path';

export const SEED_URL = '/articles/abe-putin-hold-intensive-talks-on-disputed-islands/';
/** The fixture site the browser tests run on (tests/fixtures/site), built into test-results/site-dist/. */
export const FIXTURE_SITE_DIST = path.resolve(import.meta.dirname, '../../test-results/site-dist');
export const SEED_FILE = path.resolve(import.meta.dirname, '../fixtures/site/articles/2016/abe-putin-hold-intensive-talks-on-disputed-islands.md');
export const SEED_HEADLINE = 'Abe, Putin hold intensive talks on disputed islands ahead of Russian leader’s Tokyo visit';
export const SEED_STANDFIRST =
  'Lingering tensions have prevented the two countries ever signing a peace treaty to formally end second world war hostilities';
export const SEED_FIRST_PARAGRAPH =
  'Japanese Prime Minister Shinzo Abe and Russian President Vladimir Putin have held intensive talks on territorial issues with Abe expressing his desire to achieve a breakthrough in stalled negotiations over disputed islands when Putin visits Japan in mid-December.';
export const SEED_LAST_PARAGRAPH =
  'The four islands at the centre of the dispute - Etorofu, Kunashiri, Shikotan and the Habomai islet group - were seized by the Soviet Union following Japan’s surrender on August 15, 1945.';
export const SEED_QUOTE_PARAGRAPH =
  '“It’s not easy to make a big step forward,” Abe said, citing the fact that Tokyo and Moscow have failed to resolve the issue for 70 years. “But I would like to move forward step by step.”';
export const SEED_RELATED_LINK = 'Can space bring two old frenemies Japan and Russia closer together?';

/** The body paragraphs of the seed's Markdown, in order, as plain text (links reduced to their text). */
export function seedBodyParagraphs(): string[] {
  const source = fs.readFileSync(SEED_FILE, 'utf8');
  const body = source.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim().replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\s*\r?\n\s*/g, ' '))
    .filter(Boolean);
}

export const JAPANESE_URL = '/articles/ja-fukuoka-west-offshore-earthquake-one-year-on/';
