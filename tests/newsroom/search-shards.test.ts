/**
 * The search index in shards (src/lib/search/shards.ts, docs/adr/0016-search-shards.md), on a
 * copy of tests/fixtures/newsroom with one published story moved to 2025 and one article per
 * shard (`SEARCH_SHARD_ARTICLES=1`): a build indexes each year into its own shard; after an
 * edit only the edited story's shard is indexed again and the other is restored byte for byte;
 * a damaged cached shard is indexed again, the others still restored.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnv, cacheDirOf, hashTree, repoRoot } from './build-runner.ts';

const NOW = '2026-03-04T12:00:00+08:00';
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-shards-'));
const content = path.join(tree, 'content');
const out = path.join(tree, 'out');

function build(): string {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.ts'), '--outDir', out], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...buildEnv(content, NOW), SEARCH_SHARD_ARTICLES: '1' },
    timeout: 180_000,
  });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return `${r.stdout}\n${r.stderr}`;
}

/** The indexed text of every page of one shard folder under the output. */
function shardText(shard: string): string {
  const dir = path.join(out, shard, 'fragment');
  return fs.readdirSync(dir).map((f) => gunzipSync(fs.readFileSync(path.join(dir, f))).toString('utf8')).join('\n');
}

function edit(file: string, from: string, to: string): void {
  const f = path.join(content, file);
  const text = fs.readFileSync(f, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(f, text.replace(from, to));
}

beforeAll(() => {
  fs.cpSync(path.join(repoRoot, 'tests/fixtures/newsroom'), content, { recursive: true });
  edit('articles/harbour-tunnel-reopens.md', 'publishedAt: "2026-03-02T08:00:00+08:00"', 'publishedAt: "2025-11-02T08:00:00+08:00"');
});
afterAll(() => {
  fs.rmSync(cacheDirOf(content), { recursive: true, force: true });
  fs.rmSync(tree, { recursive: true, force: true });
});

describe('search shards', () => {
  it('index each year into its own shard and list them for the search page', () => {
    const log = build();
    expect(log).toContain('3 article pages in 2 search shard(s): 0 unchanged, restored from the cache; 2 indexed: 1 in /pagefind/en-2025/, 2 in /pagefind/en-2026/');
    const plan = JSON.parse(fs.readFileSync(path.join(out, 'pagefind', 'shards.json'), 'utf8')) as unknown;
    expect(plan).toEqual({ version: 1, bundles: [{ language: 'en', shards: [{ path: '/pagefind/en-2025/', years: ['2025'] }, { path: '/pagefind/en-2026/', years: ['2026'] }] }] });
    expect(shardText('pagefind/en-2025')).toContain('Harbour tunnel reopens');
    expect(shardText('pagefind/en-2025')).not.toContain('Extra sailings');
    expect(shardText('pagefind/en-2026')).toContain('Extra sailings start in June.');
  }, 180_000);

  it('index again only the shard of an edited story, and restore the other byte for byte', () => {
    const before = hashTree(path.join(out, 'pagefind', 'en-2025'));
    edit('articles/ferry-timetable-changes.md', 'Extra sailings start in June.', 'Extra sailings start in July.');
    const log = build();
    expect(log).toContain('3 article pages in 2 search shard(s): 1 unchanged, restored from the cache; 1 indexed: 2 in /pagefind/en-2026/');
    expect(hashTree(path.join(out, 'pagefind', 'en-2025'))).toEqual(before);
    expect(shardText('pagefind/en-2026')).toContain('Extra sailings start in July.');
    expect(shardText('pagefind/en-2026')).not.toContain('start in June');
  }, 180_000);

  it('index a damaged cached shard again, and restore the rest', () => {
    const cached = path.join(cacheDirOf(content), 'dateline', 'search', 'en-2025', 'pagefind', 'en-2025', 'pagefind-entry.json');
    fs.writeFileSync(cached, '{"damaged":true}');
    const log = build();
    expect(log).toMatch(/search index cache of \/pagefind\/en-2025\/ not used \(damaged: pagefind\/en-2025\/pagefind-entry\.json differs from its recorded digest\): indexing it again/);
    expect(log).toContain('1 unchanged, restored from the cache; 1 indexed: 1 in /pagefind/en-2025/');
    expect(fs.readFileSync(path.join(out, 'pagefind', 'en-2025', 'pagefind-entry.json'), 'utf8')).not.toContain('damaged');
  }, 180_000);
});
