/** The pieces of the atomic build (src/build/): staging paths, recovery, swap and the output check. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputPaths, promoteStaging, recoverOutput } from '../../src/build/atomic-output.ts';
import { checkOutput } from '../../src/build/output-check.ts';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-output-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};

describe('atomic output', () => {
  it('stages beside the output folder, in the same parent', () => {
    expect(outputPaths('dist', '/srv/site')).toEqual({ out: '/srv/site/dist', staging: '/srv/site/.dist.staging', previous: '/srv/site/.dist.previous', report: '/srv/site/dist-report' });
  });

  it('swaps the staging folder in and removes the old output', () => {
    const p = outputPaths(path.join(tmp, 'dist'));
    write(path.join(p.out, 'index.html'), 'old');
    write(path.join(p.staging, 'index.html'), 'new');
    promoteStaging(p);
    expect(fs.readFileSync(path.join(p.out, 'index.html'), 'utf8')).toBe('new');
    expect(fs.existsSync(p.staging) || fs.existsSync(p.previous)).toBe(false);
  });

  it('puts back an output parked by a build stopped between the two renames', () => {
    const p = outputPaths(path.join(tmp, 'dist'));
    write(path.join(p.previous, 'index.html'), 'old');
    write(path.join(p.staging, 'index.html'), 'half');
    expect(recoverOutput(p)).toMatch(/put back the previous dist\//);
    expect(fs.readFileSync(path.join(p.out, 'index.html'), 'utf8')).toBe('old');
    expect(fs.existsSync(p.staging)).toBe(false);
  });

  it('has nothing to say when nothing was interrupted', () => {
    expect(recoverOutput(outputPaths(path.join(tmp, 'dist')))).toBeUndefined();
  });
});

describe('output check', () => {
  it('removes .prerender and passes a clean output', async () => {
    write(path.join(tmp, 'index.html'), '<p>ok</p>');
    write(path.join(tmp, '.prerender', 'chunk.mjs'), 'secret');
    expect(await checkOutput(tmp, '/work/project')).toEqual([]);
    expect(fs.existsSync(path.join(tmp, '.prerender'))).toBe(false);
  });

  it('names source maps, hidden files and files holding the build machine path', async () => {
    write(path.join(tmp, '_astro', 'a.js.map'), '{}');
    write(path.join(tmp, '.cache', 'x.json'), '{}');
    write(path.join(tmp, 'articles', 'a', 'index.html'), '<p>/work/project/src/content/articles/a.md</p>');
    write(path.join(tmp, '.well-known', 'security.txt'), 'Contact: mailto:x@example.org');
    expect(await checkOutput(tmp, '/work/project')).toEqual([
      '.cache/x.json: a hidden build file',
      '_astro/a.js.map: source maps are not published',
      "articles/a/index.html: contains the build machine's path /work/project",
    ]);
  });
});
