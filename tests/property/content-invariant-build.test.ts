/**
 * The content invariant through real builds (issue "One content pipeline", Tests): a few
 * small sites are generated with the arbitraries of content-invariant.test.ts and built with
 * `astro build`. For each site, either the build fails before writing anything, printing
 * exactly the `file:line: field: message` lines the in-process check gives, without a stack
 * trace — or it exits 0 with every feed parsing as XML or JSON, every JSON-LD block parsing,
 * and no script element and no unsafe URL in any page. {@link SITES} builds (two sites made
 * of articles the check accepts, one of anything), a few seconds each.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/pipeline.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { extractJsonLdBlocks } from '../../src/lib/head/structured-data-check.ts';
import { site } from '../../src/site.config.ts';
import { articleArbitrary, siteFiles, NOW, type GeneratedArticle } from './arbitraries.ts';
import { assertSafeHtml } from './assertions.ts';
import { astroBuildArgs, repoRoot } from '../newsroom/helpers.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-property-'));
const cacheDirs: string[] = [];
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  for (const dir of cacheDirs) fs.rmSync(path.join(repoRoot, dir), { recursive: true, force: true });
});

const accepts = (a: GeneratedArticle) => checkContent(siteFiles([a]), { now: NOW, siteUrl: site.url }).problems.length === 0;
const cleanSite = fc.array(articleArbitrary.filter(accepts), { minLength: 3, maxLength: 5 });
const anySite = fc.array(articleArbitrary, { minLength: 3, maxLength: 5 });
const SITES: GeneratedArticle[][] = [...fc.sample(cleanSite, { numRuns: 2, seed: 7 }), ...fc.sample(anySite, { numRuns: 1, seed: 8 })];

function writeSite(name: string, articles: GeneratedArticle[]): string {
  const root = path.join(scratch, name);
  const files = siteFiles(articles);
  for (const f of [...files.articles, ...files.topics, ...files.authors]) {
    const target = path.join(root, f.path.replace(/^site\//, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, f.contents);
  }
  return root;
}

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
}

const problemsOf = (articles: GeneratedArticle[]) => checkContent(siteFiles(articles), { now: NOW, siteUrl: site.url }).problems;

it('the generated sites cover both outcomes: at least one accepted and one rejected by the check', () => {
  expect(SITES.filter((s) => problemsOf(s).length === 0).length).toBeGreaterThan(0);
  expect(SITES.filter((s) => problemsOf(s).length > 0).length).toBeGreaterThan(0);
});

describe('a generated site either fails the check with file:line: field lines, or builds into valid output', () => {
  SITES.forEach((articles, n) => {
    it(`site ${n + 1} (${articles.length} articles)`, () => {
      const content = writeSite(`site-${n + 1}`, articles);
      cacheDirs.push(`node_modules/.astro-trees/${content.replace(/[^a-zA-Z0-9]+/g, '-')}`);
      const expected = problemsOf(articles).map((p) => formatProblem({ ...p, file: p.file.replace(/^site\//, '') }));
      const outDir = path.join(scratch, `out-${n + 1}`);
      const r = spawnSync(process.execPath, astroBuildArgs(outDir), {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, DATELINE_CONTENT_DIR: content, DATELINE_NOW: NOW.toISOString(), SITE_URL: '', NO_COLOR: '1' },
        timeout: 120_000,
      });
      expect(r.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
      if (expected.length) {
        expect(r.status).toBe(1);
        const reported = r.stderr.split('\n').filter((l) => /\.md:\d+: |\.ya?ml:\d+: /.test(l));
        // The build names files relative to the project; the content dir is elsewhere, so compare from `articles/`.
        expect(reported.map((l) => l.slice(l.lastIndexOf('/articles/') + 1 || l.lastIndexOf('/topics/') + 1 || l.lastIndexOf('/authors/') + 1)).sort()).toEqual([...expected].sort());
        expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
        return;
      }
      expect(r.status, r.stderr).toBe(0);
      const out = filesUnder(outDir);
      const pages = out.filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(articles.length);
      for (const file of out.filter((f) => f.endsWith('.xml'))) expect(XMLValidator.validate(fs.readFileSync(file, 'utf8')), file).toBe(true);
      for (const file of out.filter((f) => f.endsWith('.json'))) expect(() => JSON.parse(fs.readFileSync(file, 'utf8')), file).not.toThrow();
      for (const file of pages) {
        let html = fs.readFileSync(file, 'utf8');
        // The search page carries the site's one script (the Pagefind client, ADR 13; linked from
        // /_astro/ since it outgrew Astro's inline limit, ADR 16): never content.
        if (file.endsWith(`${path.sep}search${path.sep}index.html`)) {
          const modules = html.match(/<script type="module"(?: src="\/_astro\/[\w.-]+\.js")?>[^]*?<\/script>/g) ?? [];
          expect(modules.length, file).toBe(1);
          html = html.replace(modules[0]!, '');
        }
        assertSafeHtml(html, file);
        for (const block of extractJsonLdBlocks(html)) expect(() => JSON.parse(block.text), file).not.toThrow();
      }
    }, 150_000);
  });
});
