/**
 * The fixture site holds a draft and an article under embargo until 2099, each with a word found
 * nowhere else (tests/fixtures/site/README.md). No file of the built site may contain either
 * word, headline or slug: not a page, feed, sitemap, JSON-LD block or redirect.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentDir, distDir, listFiles, requireDist, sourceArticles } from './dist.ts';

const SECRETS = ['DRAFTWORDZEBRA', 'EMBARGOWORDQUAGGA', 'draft-fixture-harbour-plan', 'embargoed-fixture-budget-scoop', 'Draft fixture: harbour plan', 'Embargoed fixture: budget scoop'];

beforeAll(() => requireDist());

describe('unpublished articles of the fixture site', () => {
  it('are in the fixture content (sanity: the test has something to find)', () => {
    const ids = sourceArticles().map((a) => a.id);
    expect(ids).toContain('draft-fixture-harbour-plan');
    expect(ids).toContain('embargoed-fixture-budget-scoop');
    expect(fs.readFileSync(path.join(contentDir, 'articles/2026/draft-fixture-harbour-plan.md'), 'utf8')).toContain('DRAFTWORDZEBRA');
  });

  it('leave no trace in any file of the build', () => {
    const found: string[] = [];
    for (const file of listFiles(distDir)) {
      const text = fs.readFileSync(path.join(distDir, file), 'latin1');
      for (const secret of SECRETS) if (text.includes(secret)) found.push(`${file}: ${secret}`);
    }
    expect(found).toEqual([]);
  });
});
