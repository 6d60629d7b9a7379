/**
 * The cache record of verified restores (src/build/restore-digests.ts): what verifyCache keeps
 * and hands on, and which page copies recordCache reads again after a build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordCache, verifyCache } from '../../src/build/restore-digests.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A fixed mtime in whole seconds, so that setting it back gives the very same stat. */
const WRITTEN_AT = 1_772_600_000;
const PAGES: Record<string, string> = {
  'index.html': '<h1>Front page</h1>',
  'articles/harbour-tunnel-reopens/index.html': '<h1>Harbour tunnel reopens</h1>',
  'articles/ferry-timetable-changes/index.html': '<h1>Ferry timetable changes</h1>',
};

let cache: string;
const copy = (page: string) => path.join(cache, 'dist', page);
const writeCopy = (page: string, text: string, mtime = WRITTEN_AT) => {
  fs.mkdirSync(path.dirname(copy(page)), { recursive: true });
  fs.writeFileSync(copy(page), text);
  fs.utimesSync(copy(page), mtime, mtime);
};
const recorded = () => (JSON.parse(fs.readFileSync(path.join(cache, 'dateline-digests.json'), 'utf8')) as { pages: Record<string, string> }).pages;
const published = Object.fromEntries(Object.entries(PAGES).map(([page, text]) => [page, sha256(text)]));

beforeEach(() => {
  cache = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-digests-'));
  // A first build: every copy is new, so each is read and checked against its published page.
  for (const [page, text] of Object.entries(PAGES)) writeCopy(page, text);
  recordCache(cache, published, new Map());
});
afterEach(() => fs.rmSync(cache, { recursive: true, force: true }));

const TUNNEL = 'articles/harbour-tunnel-reopens/index.html';
const FERRY = 'articles/ferry-timetable-changes/index.html';

describe('verifyCache', () => {
  it('hands on the digest and stat of each copy it kept, and none of a copy it deleted', () => {
    expect(recorded()).toEqual(published);
    writeCopy(FERRY, '<h1>Ferry timetable changes</h1><script>alert(1)</script>');
    const verification = verifyCache(cache);
    expect(verification.rerender).toEqual([`/${FERRY}: its cached copy does not match the digest recorded when it was rendered`]);
    expect(verification.verified).toBe(2);
    expect([...verification.kept.keys()].sort()).toEqual(['articles/harbour-tunnel-reopens/index.html', 'index.html']);
    for (const [page, kept] of verification.kept) {
      const stat = fs.statSync(copy(page));
      expect(kept).toEqual({ digest: sha256(PAGES[page]!), size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino });
    }
  });
});

describe('recordCache after a build', () => {
  it('uses the verified digest of a copy whose size, mtime and inode are unchanged, without reading it (the trust is by stat); the next verification catches the edit', () => {
    const { kept } = verifyCache(cache);
    // Same length, other bytes, mtime put back: only reading the file would tell.
    const edited = PAGES[TUNNEL]!.replace('reopens', 'REOPENS');
    writeCopy(TUNNEL, edited);
    expect(fs.statSync(copy(TUNNEL)).size).toBe(kept.get(TUNNEL)!.size);
    recordCache(cache, published, kept);
    expect(recorded()[TUNNEL]).toBe(published[TUNNEL]);
    expect(fs.readFileSync(copy(TUNNEL), 'utf8')).toBe(edited);
    expect(verifyCache(cache).rerender).toEqual([`/${TUNNEL}: its cached copy does not match the digest recorded when it was rendered`]);
    expect(fs.existsSync(copy(TUNNEL))).toBe(false);
  });

  it('reads again a copy whose mtime changed: deleted when it differs from the published page, recorded when it matches', () => {
    const { kept } = verifyCache(cache);
    writeCopy(TUNNEL, PAGES[TUNNEL]!.replace('reopens', 'REOPENS'), WRITTEN_AT + 1);
    // Rendered again with other text, and published with it.
    const ferry = '<h1>Ferry timetable changes again</h1>';
    writeCopy(FERRY, ferry, WRITTEN_AT + 1);
    recordCache(cache, { ...published, [FERRY]: sha256(ferry) }, kept);
    expect(fs.existsSync(copy(TUNNEL))).toBe(false);
    expect(recorded()).toEqual({ 'index.html': published['index.html'], [FERRY]: sha256(ferry) });
  });

  it('reads a copy the verification never saw: recorded when it is the published page, deleted otherwise', () => {
    const { kept } = verifyCache(cache);
    writeCopy('topics/city/index.html', '<h1>City</h1>');
    writeCopy('topics/ports/index.html', '<h1>Ports</h1>');
    recordCache(cache, { ...published, 'topics/city/index.html': sha256('<h1>City</h1>'), 'topics/ports/index.html': sha256('<h1>Harbours</h1>') }, kept);
    expect(recorded()).toEqual({ ...published, 'topics/city/index.html': sha256('<h1>City</h1>') });
    expect(fs.existsSync(copy('topics/ports/index.html'))).toBe(false);
  });

  it('deletes a copy with a verified digest when the page published at its path differs (the safety rule holds for known digests too)', () => {
    const { kept } = verifyCache(cache);
    recordCache(cache, { ...published, [TUNNEL]: sha256('<h1>Harbour tunnel stays shut</h1>') }, kept);
    expect(fs.existsSync(copy(TUNNEL))).toBe(false);
    expect(TUNNEL in recorded()).toBe(false);
  });
});
