/**
 * Bad pictures (docs/adr/0014-pictures.md): each is one `file:line: field: message` from the
 * content check plus the pictures stage, before anything is built. Each case is a small
 * content tree in a temporary folder with pictures drawn by sharp at test time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/pipeline.ts';
import { readContentTree } from '../../src/lib/content/files.ts';
import { formatProblem, sortProblems } from '../../src/lib/content/problems.ts';
import { checkPictures } from '../../src/lib/pictures/stage.ts';
import { MAX_PICTURE_BYTES } from '../../src/lib/pictures/sources.ts';

const NOW = new Date('2026-03-04T10:00:00+08:00');
let root: string;

/** A plain picture of `width`×`height` in `format`. */
async function picture(file: string, width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' = 'jpeg') {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: '#3366aa' } }).toFormat(format).toFile(file);
}

/** Write `tree/articles/<name>.md` with `frontmatter` lines and `body`; returns the problems of the whole check. */
async function problemsOf(name: string, frontmatter: string, body = 'Body text.\n', draft = false): Promise<string[]> {
  const tree = path.join(root, name);
  fs.mkdirSync(path.join(tree, 'articles'), { recursive: true });
  fs.mkdirSync(path.join(tree, 'topics'), { recursive: true });
  fs.writeFileSync(path.join(tree, 'topics', 'city.yaml'), 'name: "City"\n');
  fs.writeFileSync(
    path.join(tree, 'articles', `${name}.md`),
    `---\nheadline: "Ferries"\nstandfirst: "Ferries run."\ntopics:\n- city\npublishedAt: "2026-03-01T10:00:00+08:00"\n${draft ? 'draft: true\n' : ''}${frontmatter}---\n${body}`,
  );
  const check = checkContent(readContentTree(tree, root), { now: NOW, siteUrl: 'https://dateline.example' });
  const pictures = await checkPictures(check, { contentRoot: tree, projectRoot: root });
  return sortProblems([...check.problems, ...pictures.problems]).map(formatProblem);
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-pictures-'));
  for (const name of ['good', 'missing', 'empty-alt', 'gif', 'narrow', 'huge', 'escape', 'body-missing', 'body-alt', 'url', 'draft-missing', 'symlink', 'focus']) {
    fs.mkdirSync(path.join(root, name, 'articles'), { recursive: true });
  }
  await picture(path.join(root, 'good', 'articles', 'ferry.jpg'), 1600, 900);
  await picture(path.join(root, 'good', 'articles', 'chart.png'), 600, 300, 'png');
  await picture(path.join(root, 'empty-alt', 'articles', 'ferry.jpg'), 1600, 900);
  await picture(path.join(root, 'gif', 'articles', 'ferry.gif'), 1600, 900, 'gif');
  await picture(path.join(root, 'narrow', 'articles', 'ferry.webp'), 800, 600, 'webp');
  await picture(path.join(root, 'outside.jpg'), 1600, 900);
  await picture(path.join(root, 'body-alt', 'articles', 'chart.png'), 600, 300, 'png');
  await picture(path.join(root, 'focus', 'articles', 'ferry.jpg'), 1600, 900);
  // A 50 MB "original": a sparse file, so the test writes nothing; only its size is ever looked at.
  const huge = path.join(root, 'huge', 'articles', 'ferry.jpg');
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 50 * 1024 * 1024);
  fs.symlinkSync(path.join(root, 'outside.jpg'), path.join(root, 'symlink', 'articles', 'ferry.jpg'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('pictures that pass', () => {
  it('a 1,600 px JPEG lead and a small PNG in the body', async () => {
    expect(await problemsOf('good', 'image:\n  src: ./ferry.jpg\n  alt: "A ferry at the pier"\n  credit: "J. Doe"\n', 'Intro.\n\n![A bar chart](./chart.png)\n')).toEqual([]);
  });
});

describe('bad pictures, one file:line: field: message each', () => {
  it('a missing lead file', async () => {
    expect(await problemsOf('missing', 'image:\n  src: ./nowhere.jpg\n  alt: "A ferry"\n')).toEqual([
      'missing/articles/missing.md:8: image.src: picture file not found: ./nowhere.jpg (put the file beside the article, or correct the path)',
    ]);
  });
  it('an empty alt', async () => {
    expect(await problemsOf('empty-alt', 'image:\n  src: ./ferry.jpg\n  alt: ""\n')).toEqual(['empty-alt/articles/empty-alt.md:9: image.alt: must not be empty']);
  });
  it('a missing alt', async () => {
    expect(await problemsOf('empty-alt', 'image:\n  src: ./ferry.jpg\n')).toEqual(['empty-alt/articles/empty-alt.md:8: image.alt: required field is missing (expected string)']);
  });
  it('an unsupported format (GIF)', async () => {
    expect(await problemsOf('gif', 'image:\n  src: ./ferry.gif\n  alt: "A ferry"\n')).toEqual([
      'gif/articles/gif.md:8: image.src: ./ferry.gif is GIF, which is not supported: use JPEG, PNG, WebP or AVIF',
    ]);
  });
  it('a lead picture narrower than 1,200 px', async () => {
    expect(await problemsOf('narrow', 'image:\n  src: ./ferry.webp\n  alt: "A ferry"\n')).toEqual([
      'narrow/articles/narrow.md:8: image.src: ./ferry.webp is 800 px wide: a lead picture must be at least 1,200 px wide (Google Discover, and the 1,200 px social and structured-data crops)',
    ]);
  });
  it('a file over the size limit, judged by its size before it is read', async () => {
    expect(MAX_PICTURE_BYTES).toBe(20 * 1024 * 1024);
    expect(await problemsOf('huge', 'image:\n  src: ./ferry.jpg\n  alt: "A ferry"\n')).toEqual([
      'huge/articles/huge.md:8: image.src: ./ferry.jpg is 50.0 MB: the limit is 20.0 MB; export a smaller JPEG (2,400 px wide is plenty)',
    ]);
  });
  it('a path that leaves the content tree', async () => {
    expect(await problemsOf('escape', 'image:\n  src: ../../outside.jpg\n  alt: "A ferry"\n')).toEqual([
      'escape/articles/escape.md:8: image.src: "../../outside.jpg" points outside the content tree (escape/): keep pictures beside the articles that use them',
    ]);
  });
  it('a symbolic link is not followed', async () => {
    // The content tree's walk reports the link itself too (src/lib/content/files.ts).
    const problems = await problemsOf('symlink', 'image:\n  src: ./ferry.jpg\n  alt: "A ferry"\n');
    expect(problems).toContain('symlink/articles/symlink.md:8: image.src: ./ferry.jpg is a symbolic link: links are not followed; replace it with the file itself');
    expect(problems.filter((p) => !p.startsWith('symlink/articles/ferry.jpg:1: file: is a symbolic link'))).toHaveLength(1);
  });
  it('a URL instead of a file', async () => {
    expect(await problemsOf('url', 'image:\n  src: https://example.org/ferry.jpg\n  alt: "A ferry"\n')).toEqual([
      'url/articles/url.md:8: image.src: must be a relative path to a file beside the article, e.g. ./harbour.jpg (not a URL or an absolute path)',
    ]);
  });
  it('a focus outside the picture', async () => {
    expect(await problemsOf('focus', 'image:\n  src: ./ferry.jpg\n  alt: "A ferry"\n  focus: { x: 1.5, y: 0.2 }\n')).toEqual([
      'focus/articles/focus.md:10: image.focus.x: must be between 0 (left edge) and 1 (right edge)',
    ]);
  });
  it('a missing body picture, at its body line', async () => {
    expect(await problemsOf('body-missing', '', 'Intro.\n\n![A bar chart](./chart.png)\n')).toEqual([
      'body-missing/articles/body-missing.md:10: body: picture file not found: ./chart.png (put the file beside the article, or correct the path)',
    ]);
  });
  it('a body picture without alt text (decorative pictures are not allowed)', async () => {
    expect(await problemsOf('body-alt', '', 'Intro.\n\n![](./chart.png)\n')).toEqual([
      'body-alt/articles/body-alt.md:10: body: <img> has no alt text: describe the image for readers who cannot see it',
    ]);
  });
  it("a draft's missing picture is reported too", async () => {
    expect(await problemsOf('draft-missing', 'image:\n  src: ./nowhere.jpg\n  alt: "A ferry"\n', 'Body.\n', true)).toEqual([
      'draft-missing/articles/draft-missing.md:9: image.src: picture file not found: ./nowhere.jpg (put the file beside the article, or correct the path)',
    ]);
  });
});
