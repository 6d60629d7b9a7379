/**
 * Bad content, full build level: `astro build` on a bad content tree exits non-zero, prints
 * the `file:line: field: message` line, no stack trace, and writes nothing. A good tree
 * builds, and the build never writes into src/.
 *
 * Fixtures (tests/fixtures/, same layout as src/content; one topic hong-kong, one author
 * jane-doe each) and what each breaks:
 * - content-missing-field:       articles/missing-headline.md has no `headline`
 * - content-offsetless-date:     `publishedAt: "2016-11-20T13:03:00"` has no offset
 * - content-unknown-topic:       `topics: [hong-kong, atlantis]`, and there is no atlantis.yaml
 * - content-malformed-yaml:      `publishedAt: "…` is never closed
 * - content-no-frontmatter:      a Markdown file without a --- block
 * - content-duplicate-permalink: articles/2015/same-name.md and articles/2016/same-name.md
 * - content-missing-picture:     the lead picture ./harbour.jpg does not exist
 * - content-missing-body-picture: the body chart ./chart.png does not exist (it used to pass the check and crash the build)
 * - content-valid:               nothing: two articles, one topic, one author
 *
 * The failing builds run in the project itself with `--outDir` pointing at a temporary
 * directory, so dist/ is never touched. The valid build runs in a temporary copy of the
 * project (node_modules linked entry by entry, so its content cache, Vite cache and .astro/
 * are private): src/ of the project can be edited while the tests run without making the
 * src/ hash comparison flaky, and a successful fixture build never touches the caches of
 * the real site. Builds run one after another.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ASTRO_BIN = path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const BUILD_TIMEOUT = 60_000;
/** A V8 stack frame: `    at fn (file:line:col)` or `    at file:line:col`. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const HOW = 'write a quoted ISO 8601 date-time with Z or an offset, e.g. "2016-11-20T13:03:00+08:00"';

interface BuildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `astro build` in `cwd` on the content tree `contentDir`, writing to `outDir`. */
function astroBuild(cwd: string, contentDir: string, outDir: string): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The same Node as the test runner (Astro 7 needs >= 22.12; a system node may be older).
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
    DATELINE_CONTENT_DIR: contentDir,
    DATELINE_NOW: '2026-01-01T00:00:00Z',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  delete env['SITE_URL'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [ASTRO_BIN, 'build', '--outDir', outDir],
      { cwd, env, timeout: BUILD_TIMEOUT - 5_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Path → SHA-256 of every file under `dir`, with paths relative to it. */
function hashTree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes[path.relative(dir, file)] = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  }
  return hashes;
}

/** Entries of the project root that a build does not need (or that must stay private). */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.astro', 'tests', 'bench', 'test-results', 'playwright-report']);

/** A throwaway copy of the project that can build `tests/fixtures/<fixture>`. */
function copyProject(into: string, fixture: string): void {
  for (const name of fs.readdirSync(PROJECT_ROOT)) {
    if (!NOT_COPIED.has(name)) fs.cpSync(path.join(PROJECT_ROOT, name), path.join(into, name), { recursive: true });
  }
  fs.cpSync(path.join(PROJECT_ROOT, 'tests/fixtures', fixture), path.join(into, 'tests/fixtures', fixture), { recursive: true });
  // Packages are shared by symlink; caches (.astro*, .vite*) are not, so they stay private.
  fs.mkdirSync(path.join(into, 'node_modules'));
  for (const name of fs.readdirSync(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (/^\.(astro|vite)/.test(name)) continue;
    fs.symlinkSync(path.join(PROJECT_ROOT, 'node_modules', name), path.join(into, 'node_modules', name));
  }
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-build-fails-'));
});
afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

const FAILING: { fixture: string; problem: string | RegExp }[] = [
  {
    fixture: 'content-missing-picture',
    problem: 'tests/fixtures/content-missing-picture/articles/missing-picture.md:8: image.src: picture file not found: ./harbour.jpg (put the file beside the article, or correct the path)',
  },
  {
    fixture: 'content-missing-body-picture',
    problem: 'tests/fixtures/content-missing-body-picture/articles/missing-body-picture.md:11: body: picture file not found: ./chart.png (put the file beside the article, or correct the path)',
  },
  {
    fixture: 'content-missing-field',
    problem: 'tests/fixtures/content-missing-field/articles/missing-headline.md:2: headline: required field is missing (expected string)',
  },
  {
    fixture: 'content-offsetless-date',
    problem: `tests/fixtures/content-offsetless-date/articles/offsetless-date.md:6: publishedAt: "2016-11-20T13:03:00" has no offset, so its instant is ambiguous: ${HOW}`,
  },
  {
    fixture: 'content-unknown-topic',
    problem: 'tests/fixtures/content-unknown-topic/articles/unknown-topic.md:6: topics[1]: unknown topic id "atlantis": no topic file with that name',
  },
  {
    // Line not pinned: the checker reports where the YAML parser gave up (see the report).
    fixture: 'content-malformed-yaml',
    problem: /^tests\/fixtures\/content-malformed-yaml\/articles\/malformed-yaml\.md:6: frontmatter: YAML syntax error: unexpected end of the stream within a double quoted scalar \(the quote opened on this line is never closed\)$/m,
  },
  {
    fixture: 'content-no-frontmatter',
    problem:
      'tests/fixtures/content-no-frontmatter/articles/no-frontmatter.md:1: frontmatter: no frontmatter: an article must start with a --- block holding headline, standfirst, topics and publishedAt',
  },
  {
    fixture: 'content-duplicate-permalink',
    problem:
      'tests/fixtures/content-duplicate-permalink/articles/2016/same-name.md:1: file: permalink /articles/same-name/ is also claimed by tests/fixtures/content-duplicate-permalink/articles/2015/same-name.md: two articles cannot share a file name; rename one',
  },
];

describe('astro build on bad content', () => {
  it.each(FAILING)(
    'fails on $fixture with a file:line: field: message line, no stack trace, and no output',
    async ({ fixture, problem }) => {
      const outDir = path.join(scratch, `out-${fixture}`);
      const result = await astroBuild(PROJECT_ROOT, `tests/fixtures/${fixture}`, outDir);
      const output = `${result.stdout}\n${result.stderr}`;

      expect(result.code, output).not.toBe(0);
      expect(result.code, output).not.toBeNull();
      if (typeof problem === 'string') expect(result.stderr.split('\n'), output).toContain(problem);
      else expect(result.stderr, output).toMatch(problem);
      expect(result.stderr).toContain('Dateline: the content has 1 problem(s); nothing was built.');
      expect(output).not.toMatch(STACK_FRAME);
      expect(fs.existsSync(outDir), `${outDir} was written`).toBe(false);
    },
    BUILD_TIMEOUT,
  );
});

describe('astro build on good content', () => {
  it(
    'builds the valid fixture, exits 0 and leaves every file under src/ unchanged',
    async () => {
      const project = path.join(scratch, 'project');
      fs.mkdirSync(project);
      copyProject(project, 'content-valid');
      const srcBefore = hashTree(path.join(project, 'src'));
      expect(Object.keys(srcBefore).length).toBeGreaterThan(10);

      const outDir = path.join(project, 'out');
      const result = await astroBuild(project, 'tests/fixtures/content-valid', outDir);
      const output = `${result.stdout}\n${result.stderr}`;

      expect(result.code, output).toBe(0);
      expect(output).not.toMatch(STACK_FRAME);
      // The build used the fixture tree, not src/content.
      expect(fs.existsSync(path.join(outDir, 'articles/harbour-ferry-fares-rise/index.html'))).toBe(true);
      expect(fs.existsSync(path.join(outDir, 'articles/tram-timetable-changes/index.html'))).toBe(true);
      expect(fs.existsSync(path.join(outDir, 'articles/abe-putin-hold-intensive-talks-on-disputed-islands'))).toBe(false);
      // Nothing under src/ was created, changed or removed.
      expect(hashTree(path.join(project, 'src'))).toEqual(srcBefore);
    },
    BUILD_TIMEOUT,
  );
});
