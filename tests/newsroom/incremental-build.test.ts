/**
 * Incremental builds (experimental.incrementalBuild + cache keys) must never serve a stale
 * page: a copy of tests/fixtures/newsroom is built, edited and rebuilt, and each rebuild is
 * compared with what the edit must change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { astroBuildArgs, repoRoot } from './helpers.ts';

const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-incremental-'));
const outDir = path.join(tree, 'out');

function build(now = '2026-03-04T12:00:00+08:00'): { log: string; restored: Set<string> } {
  const r = spawnSync(process.execPath, astroBuildArgs(outDir), {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DATELINE_CONTENT_DIR: path.join(tree, 'content'), DATELINE_NOW: now, SITE_URL: '' },
  });
  expect(r.status, r.stderr).toBe(0);
  // Astro logs "(cached)" when the page is still in outDir and "(restored)" when it copies it from its cache.
  // eslint-disable-next-line no-control-regex
  const plain = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  const restored = new Set([...plain.matchAll(/(\/\S+) \((?:restored|cached)\)/g)].map((m) => m[1]!));
  return { log: r.stdout, restored };
}
const page = (p: string) => fs.readFileSync(path.join(outDir, p), 'utf8');
const edit = (file: string, from: string, to: string) => {
  const f = path.join(tree, 'content', file);
  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(from, to));
};

beforeAll(() => {
  fs.cpSync(path.join(repoRoot, 'tests/fixtures/newsroom'), path.join(tree, 'content'), { recursive: true });
  build();
}, 120_000);
afterAll(() => {
  fs.rmSync(tree, { recursive: true, force: true });
  fs.rmSync(path.join(repoRoot, 'node_modules/.astro-trees', path.join(tree, 'content').replace(/[^a-zA-Z0-9]+/g, '-')), { recursive: true, force: true });
});

describe('an incremental rebuild', () => {
  it('restores every article page when nothing changed', () => {
    const { restored, log } = build();
    expect(log).toMatch(/in (\d+) search shard\(s\): \1 unchanged, restored from the cache \(/);
    expect(restored).toContain('/articles/harbour-tunnel-reopens/index.html');
    expect(restored).toContain('/articles/ferry-timetable-changes/index.html');
  }, 60_000);

  it('restores them when only the build clock moved on (every real build has a new clock)', () => {
    // Same day in Hong Kong, no state change in between: nothing a page shows has changed.
    const { restored } = build('2026-03-04T12:07:31+08:00');
    expect(restored).toContain('/articles/harbour-tunnel-reopens/index.html');
    expect(restored).toContain('/articles/ferry-timetable-changes/index.html');
  }, 60_000);

  it('re-renders an edited article and keeps the others', () => {
    edit('articles/ferry-timetable-changes.md', 'Extra sailings start in June.', 'Extra sailings start in July.');
    const { restored, log } = build();
    // The edited page is indexed again (a restored index would still say June).
    expect(log).toMatch(/; 1 indexed: \d+ in \/pagefind\/en-2026\//);
    expect(restored).not.toContain('/articles/ferry-timetable-changes/index.html');
    expect(page('articles/ferry-timetable-changes/index.html')).toContain('Extra sailings start in July.');
    expect(restored).toContain('/articles/harbour-tunnel-reopens/index.html');
  }, 60_000);

  it('re-renders the pages that show a headline when that headline changes (related cards, listings)', () => {
    edit('articles/ferry-timetable-changes.md', 'Ferry timetable changes for the summer', 'Ferry timetable changes for the autumn');
    const { restored } = build();
    expect(restored).not.toContain('/articles/harbour-tunnel-reopens/index.html');
    expect(page('articles/harbour-tunnel-reopens/index.html')).toContain('Ferry timetable changes for the autumn');
    expect(page('topics/city/index.html')).toContain('Ferry timetable changes for the autumn');
  }, 60_000);

  it('re-renders every page that shows a topic name when the topic file changes', () => {
    edit('topics/city.yaml', 'name: "City"', 'name: "City desk"');
    const { restored } = build();
    expect(restored).not.toContain('/articles/harbour-tunnel-reopens/index.html');
    expect(page('articles/harbour-tunnel-reopens/index.html')).toContain('>City desk</a>');
    expect(page('articles/ferry-timetable-changes/index.html')).toContain('>City desk</a>');
  }, 60_000);
});
