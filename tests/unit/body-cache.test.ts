/** The on-disk body cache (src/lib/content/body-cache.ts): a damaged entry counts as missing, never as a body. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskBodyStore, MissingBodyError, readBodyHtml } from '../../src/lib/content/body-cache.ts';

const DIGEST = 'ab'.repeat(32);
const BODY = { html: '<p>Ferries run every ten minutes.</p>', problems: [], articleLinks: [{ id: 'other', line: 3 }], images: [] };
let dir: string;
const file = () => path.join(dir, DIGEST.slice(0, 2), `${DIGEST}.json`);

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bodies-'));
  diskBodyStore(dir).set(DIGEST, BODY);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('body cache', () => {
  it('returns what was stored', () => {
    const store = diskBodyStore(dir);
    expect(store.get(DIGEST)).toEqual(BODY);
    expect(store.stats.reused).toBe(1);
    expect(readBodyHtml(dir, DIGEST)).toBe(BODY.html);
  });

  it('treats an edited entry (an injected script) as missing', () => {
    fs.writeFileSync(file(), fs.readFileSync(file(), 'utf8').replace('</p>', '<script>alert(1)</script></p>'));
    expect(diskBodyStore(dir).get(DIGEST)).toBeUndefined();
    expect(() => readBodyHtml(dir, DIGEST)).toThrow(MissingBodyError);
  });

  it('treats a truncated entry or one without its checksum as missing', () => {
    fs.truncateSync(file(), 20);
    expect(diskBodyStore(dir).get(DIGEST)).toBeUndefined();
    fs.writeFileSync(file(), JSON.stringify(BODY));
    expect(diskBodyStore(dir).get(DIGEST)).toBeUndefined();
  });
});
