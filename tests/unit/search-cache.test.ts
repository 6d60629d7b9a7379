import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { restoreSearchIndex, SearchDigest, storeSearchIndex } from '../../src/build/search-cache.ts';
import { sha256Hex } from '../../src/lib/cache-file.ts';

type Page = { sourcePath: string; content: string };
type Input = { dir: string; language: string; pages: Page[] };
/** The key of `inputs` fed page by page, as the search-index integration does. */
function searchInputDigest(version: string, inputs: Input[]): string {
  const d = new SearchDigest(version);
  for (const input of inputs) for (const p of input.pages) d.add(input.dir, input.language, p.sourcePath, sha256Hex(p.content));
  return d.digest();
}

const pages: Page[] = [{ sourcePath: 'articles/a/index.html', content: '<article data-pagefind-body>Kunashiri</article>' }];
const inputs: Input[] = [{ dir: 'pagefind', language: 'en', pages }, { dir: 'pagefind-ja', language: 'ja', pages: [] }];
const DIRS = ['pagefind', 'pagefind-ja'];
let root: string;
let cache: string;
let built: string;

function write(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-search-cache-'));
  cache = path.join(root, 'cache');
  built = path.join(root, 'built');
  write(built, { 'pagefind/pagefind-entry.json': '{"v":1}', 'pagefind/fragment/en_1.pf_fragment': 'F1', 'pagefind-ja/pagefind-entry.json': '{"ja":1}' });
  await storeSearchIndex(cache, searchInputDigest('1.6.0', inputs), DIRS, built);
});

describe('search index cache', () => {
  it('restores the stored bundles, byte for byte, when the key matches', async () => {
    const out = path.join(root, 'out');
    expect(await restoreSearchIndex(cache, searchInputDigest('1.6.0', inputs), DIRS, out)).toBe('restored');
    expect(read(out, 'pagefind/fragment/en_1.pf_fragment')).toBe('F1');
    expect(read(out, 'pagefind-ja/pagefind-entry.json')).toBe('{"ja":1}');
  });

  it('misses when a page, its path, the bundle language or the Pagefind version differ', async () => {
    const key = searchInputDigest('1.6.0', inputs);
    const variants = [
      searchInputDigest('1.6.1', inputs),
      searchInputDigest('1.6.0', [{ ...inputs[0]!, pages: [{ ...pages[0]!, content: `${pages[0]!.content} ` }] }, inputs[1]!]),
      searchInputDigest('1.6.0', [{ ...inputs[0]!, pages: [{ ...pages[0]!, sourcePath: 'articles/b/index.html' }] }, inputs[1]!]),
      searchInputDigest('1.6.0', [{ ...inputs[0]!, language: 'ja' }, inputs[1]!]),
      // the same page moved to the other bundle
      searchInputDigest('1.6.0', [{ ...inputs[0]!, pages: [] }, { ...inputs[1]!, pages }]),
    ];
    expect(new Set([key, ...variants]).size).toBe(variants.length + 1);
    const out = path.join(root, 'out');
    expect(await restoreSearchIndex(cache, variants[1]!, DIRS, out)).toBe('changed');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an edited, truncated, extra or missing cached file, writing nothing', async () => {
    const key = searchInputDigest('1.6.0', inputs);
    const out = path.join(root, 'out');
    fs.writeFileSync(path.join(cache, 'pagefind/fragment/en_1.pf_fragment'), 'F2');
    expect(await restoreSearchIndex(cache, key, DIRS, out)).toBe('damaged: pagefind/fragment/en_1.pf_fragment differs from its recorded digest');
    fs.writeFileSync(path.join(cache, 'pagefind/fragment/en_1.pf_fragment'), 'F1');
    fs.writeFileSync(path.join(cache, 'pagefind/extra.js'), 'alert(1)');
    expect(await restoreSearchIndex(cache, key, DIRS, out)).toBe('damaged: pagefind/extra.js is not in the record');
    fs.rmSync(path.join(cache, 'pagefind/extra.js'));
    fs.rmSync(path.join(cache, 'pagefind-ja/pagefind-entry.json'));
    expect(await restoreSearchIndex(cache, key, DIRS, out)).toBe('damaged: pagefind-ja/pagefind-entry.json is missing');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('has nothing to restore on a first build (no cache folder)', async () => {
    expect(await restoreSearchIndex(path.join(root, 'none'), searchInputDigest('1.6.0', inputs), DIRS, path.join(root, 'out'))).toBe('no cache');
  });

  it('calls a missing record beside cached files (deleted, or a store that was interrupted) and an unreadable one damage, writing nothing', async () => {
    const key = searchInputDigest('1.6.0', inputs);
    const out = path.join(root, 'out');
    const record = fs.readFileSync(path.join(cache, 'record.json'), 'utf8');
    for (const text of [record.slice(0, record.length / 2), '{}', 'not json', '{"key":"x","files":null}']) {
      fs.writeFileSync(path.join(cache, 'record.json'), text);
      expect(await restoreSearchIndex(cache, key, DIRS, out), text).toBe('damaged: record.json is not a valid record');
    }
    fs.rmSync(path.join(cache, 'record.json'));
    expect(await restoreSearchIndex(cache, key, DIRS, out)).toBe('damaged: record.json is missing');
    expect(fs.existsSync(out)).toBe(false);
  });
});
