/** The pieces of the atomic build (src/build/): staging paths, recovery, swap and the output check. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outputPaths, promoteStaging, recoverOutput } from '../../src/build/atomic-output.ts';
import { manifestOf } from '../../src/build/change-list.ts';
import { checkOutput } from '../../src/build/output-check.ts';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-output-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const write = (file: string, text: string | Uint8Array) => {
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
  it('removes .prerender and passes a clean output, with the SHA-256 of every file', async () => {
    write(path.join(tmp, 'index.html'), '<p>ok</p>');
    write(path.join(tmp, 'a', 'b.gif'), 'GIF89a');
    write(path.join(tmp, '.prerender', 'chunk.mjs'), 'secret');
    expect(await checkOutput(tmp, '/work/project')).toEqual({
      problems: [],
      manifest: {
        // `printf 'GIF89a' | sha256sum`, `printf '<p>ok</p>' | sha256sum`
        'a/b.gif': '610f5ae4d76e332636a17bd357fd6ce99029316a99d320280d4d77a746bf29e8',
        'index.html': '87622117335b8dd9a6da15dab58083bc7212f0994fe5f05ce4708075e98cd61b',
      },
    });
    expect(fs.existsSync(path.join(tmp, '.prerender'))).toBe(false);
  });

  it('names source maps, hidden files and files holding the build machine path', async () => {
    write(path.join(tmp, '_astro', 'a.js.map'), '{}');
    write(path.join(tmp, '.cache', 'x.json'), '{}');
    write(path.join(tmp, 'articles', 'a', 'index.html'), '<p>/work/project/src/content/articles/a.md</p>');
    write(path.join(tmp, '.well-known', 'security.txt'), 'Contact: mailto:x@example.org');
    const { problems, manifest } = await checkOutput(tmp, '/work/project');
    expect(problems).toEqual([
      '.cache/x.json: a hidden build file',
      '_astro/a.js.map: source maps are not published',
      "articles/a/index.html: contains the build machine's path /work/project",
    ]);
    expect(Object.keys(manifest)).toEqual(['.cache/x.json', '.well-known/security.txt', '_astro/a.js.map', 'articles/a/index.html']);
  });
});

describe('output check over generated outputs', () => {
  const ROOT = '/work/project';
  const TEXT = ['.html', '.xml', '.json', '.js', '.css', '.svg', '.txt', '.webmanifest'];
  const BINARY = ['.webp', '.png', '.woff2', '.pf_fragment', ''];
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  /** A file of a generated output; `text`/`root` say what the check must make of it. */
  const outputFile = fc
    .record({
      dir: fc.constantFrom('', 'articles/harbour', '_astro', 'topics/city', 'pagefind/fragment', '.cache', '.well-known', 'articles/.git', '.well-known/.x'),
      name: fc.oneof(
        fc.tuple(fc.constantFrom('index', 'main', 'logo', 'feed'), fc.constantFrom(...TEXT, ...BINARY, '.js.map', '.css.map')).map(([base, ext]) => base + ext),
        fc.constantFrom('_headers', '_redirects', '.hidden'),
      ),
      before: fc.uint8Array({ maxLength: 200 }),
      root: fc.boolean(),
      // Past 64 KiB, where a read in chunks would split the file.
      padding: fc.constantFrom(0, 0, 0, 65_536 - 5),
      after: fc.uint8Array({ maxLength: 200 }),
    })
    .map(({ dir, name, before, root, padding, after }) => ({
      file: dir ? `${dir}/${name}` : name,
      text: TEXT.some((ext) => name.endsWith(ext)) || name === '_headers' || name === '_redirects',
      root,
      bytes: Buffer.concat([before, Buffer.alloc(padding, 0x20), root ? Buffer.from(ROOT) : Buffer.alloc(0), after]),
    }));

  it('gives the problems the rules name and the digests of hashing each file on its own; .prerender is gone first', { timeout: 60_000 }, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(outputFile, { minLength: 0, maxLength: 30, selector: (f) => f.file }), fc.boolean(), async (files, prerender) => {
        const dir = path.join(tmp, `run-${run++}`);
        fs.mkdirSync(dir);
        for (const f of files) write(path.join(dir, f.file), f.bytes);
        if (prerender) write(path.join(dir, '.prerender', 'chunks', 'page.mjs'), `import "${ROOT}/src/pages/index.astro";`);
        const expected = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
        const problems = expected.flatMap((f) => {
          if (f.file.endsWith('.map')) return [`${f.file}: source maps are not published`];
          if (f.file.split('/').some((part) => part.startsWith('.') && part !== '.well-known')) return [`${f.file}: a hidden build file`];
          return f.text && f.root ? [`${f.file}: contains the build machine's path ${ROOT}`] : [];
        });
        const result = await checkOutput(dir, ROOT);
        expect(result.problems).toEqual(problems);
        expect(Object.entries(result.manifest)).toEqual(expected.map((f) => [f.file, sha256(f.bytes)]));
        expect(result.manifest).toEqual(manifestOf(dir));
        expect(fs.existsSync(path.join(dir, '.prerender'))).toBe(false);
      }),
      { numRuns: 40, seed: 20260304 },
    );
  });
});
