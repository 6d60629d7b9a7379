/**
 * Verified restores: pages that the incremental build copies from its cache are checked
 * against the digests recorded when they were rendered (src/build/restore-digests.ts). A
 * truncated, edited or deleted cached page is rendered again and the log says so; a changed
 * manifest or store is put back from the last good build's snapshot, and a damaged digest
 * record (or snapshot) makes a cold build. Every rebuild must equal the
 * cold build of the same content at the same build clock, file for file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDirOf, hashTree, repoRoot, runBuild } from './build-runner.ts';

const NOW = '2026-03-04T12:00:00+08:00';
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-restore-'));
const content = path.join(tree, 'content');
const out = path.join(tree, 'out');
const cache = cacheDirOf(content);
const cached = (page: string) => path.join(cache, 'dist', page);
let cold: Record<string, string>;

const TUNNEL = 'articles/harbour-tunnel-reopens/index.html';
const FERRY = 'articles/ferry-timetable-changes/index.html';
const TOPIC = 'topics/city/index.html';

beforeAll(() => {
  fs.cpSync(path.join(repoRoot, 'tests/fixtures/newsroom'), content, { recursive: true });
  const first = runBuild(content, out, NOW);
  expect(first.status, first.log).toBe(0);
  cold = hashTree(out);
}, 120_000);

afterAll(() => {
  fs.rmSync(tree, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
});

function rebuild(): string {
  const r = runBuild(content, out, NOW);
  expect(r.status, r.log).toBe(0);
  expect(hashTree(out), 'the rebuild differs from the cold build').toEqual(cold);
  return r.log;
}

describe('pages restored from the incremental cache', () => {
  it('are restored when intact (the cache is in use at all)', () => {
    const log = rebuild();
    expect(log).toMatch(/\/articles\/harbour-tunnel-reopens\/index\.html \(restored\)/);
    expect(log).toMatch(/incremental cache: \d+ cached page\(s\) match their digests; 0 will render again/);
  }, 60_000);

  it('truncated, edited (an injected script) or deleted: rendered again, and the log says which and why', () => {
    fs.truncateSync(cached(TUNNEL), 100);
    const html = fs.readFileSync(cached(FERRY), 'utf8');
    fs.writeFileSync(cached(FERRY), html.replace('</main>', '<script>alert(1)</script></main>'));
    fs.rmSync(cached(TOPIC));
    const log = rebuild();
    expect(log).toContain(`re-rendering /${TUNNEL}: its cached copy does not match the digest recorded when it was rendered`);
    expect(log).toContain(`re-rendering /${FERRY}: its cached copy does not match the digest recorded when it was rendered`);
    expect(log).toContain(`re-rendering /${TOPIC}: its cached copy is missing`);
    expect(log).not.toMatch(/\/articles\/harbour-tunnel-reopens\/index\.html \(restored\)/);
    expect(fs.readFileSync(path.join(out, FERRY), 'utf8')).not.toContain('alert(1)');
  }, 60_000);

  it('the next build restores the re-rendered pages again (their new digests were recorded)', () => {
    const log = rebuild();
    expect(log).toMatch(/\/articles\/harbour-tunnel-reopens\/index\.html \(restored\)/);
  }, 60_000);

  it("a cached page swapped for another page's copy (intact bytes, wrong place) is rendered again", () => {
    fs.copyFileSync(cached(FERRY), cached(TUNNEL));
    const log = rebuild();
    expect(log).toContain(`re-rendering /${TUNNEL}: its cached copy does not match the digest recorded when it was rendered`);
  }, 60_000);

  it('a corrupt digest record makes a cold build', () => {
    fs.writeFileSync(path.join(cache, 'dateline-digests.json'), '{"version":1,"pages":');
    const log = rebuild();
    expect(log).toContain('no valid digest record (dateline-digests.json) for the cache: cold build');
    expect(log).not.toContain('(restored)');
  }, 60_000);

  it("a changed manifest is put back from the last good build's snapshot (pages still restored); damaged snapshot too: a cold build", () => {
    rebuild();
    const manifest = path.join(cache, 'incremental-build.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace(/"cacheKey": "[^"]+"/, '"cacheKey": "forged"'));
    let log = rebuild();
    expect(log).toContain("incremental-build.json differs from its recorded digest (an earlier build failed, or it was changed): put back the last good build's copy");
    expect(log).toMatch(/\/articles\/harbour-tunnel-reopens\/index\.html \(restored\)/);
    fs.writeFileSync(manifest, '{}');
    fs.writeFileSync(path.join(cache, 'dateline-snapshot', 'incremental-build.json'), '{}');
    log = rebuild();
    expect(log).toContain('incremental-build.json in the cache does not match its recorded digest: cold build');
    expect(log).not.toContain('(restored)');
  }, 90_000);

  it('the change list names exactly what an edit changed (for the CDN purge)', () => {
    const file = path.join(content, 'articles/ferry-timetable-changes.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Extra sailings start in June.', 'Extra sailings start in July.'));
    const r = runBuild(content, out, NOW, []);
    expect(r.status, r.log).toBe(0);
    const changes = fs.readFileSync(path.join(tree, 'out-report', 'changes.txt'), 'utf8').trim().split('\n');
    expect(changes).toContain('changed /articles/ferry-timetable-changes/');
    expect(changes).not.toContain('changed /articles/harbour-tunnel-reopens/');
    // Besides changed pages, only the search index (ADR 13) adds and removes files: its fragment
    // and index files are named by their content, so an edited body gives new names.
    expect(changes.filter((line) => !line.startsWith('changed ') && !/^(added|removed) \/pagefind\/[a-z]+-\d{4}(-\d{4})?\//.test(line))).toEqual([]);
    // Full-text feeds carry the body too.
    expect(changes).toContain('changed /rss.xml');
  }, 60_000);
});
