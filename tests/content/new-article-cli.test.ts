/**
 * `npm run new` (scripts/new-article.ts) on a copy of a fixture tree: bad arguments get one
 * line of explanation and the usage, never a stack trace, and nothing is written; a headline
 * the content check would reject is refused before a file exists.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../newsroom/helpers.ts';

const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-new-'));
fs.cpSync(path.join(repoRoot, 'tests/fixtures/newsroom'), tree, { recursive: true });
afterAll(() => fs.rmSync(tree, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/new-article.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, DATELINE_CONTENT_DIR: tree } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}
const articleFiles = () => (fs.readdirSync(path.join(tree, 'articles'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
const before = articleFiles();
const topic = fs.readdirSync(path.join(tree, 'topics'))[0]!.replace(/\.yaml$/, '');

describe('npm run new', () => {
  it('an option without its value: one line and the usage, no stack trace, no file', () => {
    const r = run('Harbour tunnel reopens', '--topic');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^npm run new: Option '--topic <value>' argument missing\nusage: npm run new -- "Headline" --topic <id>/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(articleFiles()).toEqual(before);
  });

  it('an unknown option is named', () => {
    const r = run('Harbour tunnel reopens', '--topics', topic);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Unknown option '--topics'");
    expect(articleFiles()).toEqual(before);
  });

  it('a headline over 200 characters is refused as the check would refuse it', () => {
    const r = run('A'.repeat(201), '--topic', topic, '--slug', 'too-long-headline');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('npm run new: headline: must be at most 200 characters');
    expect(articleFiles()).toEqual(before);
  });

  it('a good headline writes one draft', () => {
    const r = run('Harbour tunnel reopens at night', '--topic', topic);
    expect(r.status, r.stderr).toBe(0);
    const added = articleFiles().filter((f) => !before.includes(f));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/harbour-tunnel-reopens-at-night\.md$/);
    expect(fs.readFileSync(path.join(tree, 'articles', added[0]!), 'utf8')).toContain('draft: true');
  });
});
