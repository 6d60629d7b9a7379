/**
 * `npm run notify-hub` against a stub WebSub hub on 127.0.0.1: the script (run as users run
 * it) pings once per changed feed with `hub.mode=publish` and the feed's own URL, remembers
 * what it notified, retries failures, and does nothing without a hub. The feeds are copies of
 * the built ones in a temporary folder (so one can be edited).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, servedDistDir } from './nginx-server.ts';
import { isFeedFile } from '../../src/lib/deploy/websub.ts';

const dist = servedDistDir();
const SITE = 'https://dateline.example';

interface Ping {
  contentType: string | undefined;
  body: URLSearchParams;
}
let pings: Ping[] = [];
let failUrl: string | undefined;
let hub: http.Server;
let hubUrl: string;
let work: string;
let copy: string;
let feedCount = 0;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-websub-'));
  copy = path.join(work, 'dist');
  fs.mkdirSync(copy);
  fs.copyFileSync(path.join(dist, 'index.html'), path.join(copy, 'index.html'));
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    const rel = path.relative(dist, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || !isFeedFile(rel.split(path.sep).join('/'))) continue;
    fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
    fs.copyFileSync(path.join(dist, rel), path.join(copy, rel));
    feedCount++;
  }
  hub = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      const body = new URLSearchParams(data);
      pings.push({ contentType: req.headers['content-type'], body });
      res.statusCode = req.method === 'POST' && body.get('hub.url') !== failUrl ? 204 : 500;
      res.end();
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
  const address = hub.address() as { port: number };
  hubUrl = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => hub?.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs the script asynchronously (the stub hub answers from this process meanwhile). */
function notify(env: Record<string, string> = { WEBSUB_HUB: hubUrl }, ...args: string[]): Promise<{ status: number; out: string }> {
  pings = [];
  const argv = ['--no-install', 'node', 'scripts/notify-hub.ts', '--dist', copy, '--state', path.join(work, 'state.json'), ...args];
  return new Promise((resolve) => {
    execFile('npx', argv, { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SITE_URL: '', WEBSUB_HUB: '', ...env } }, (error, stdout, stderr) => {
      resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
    });
  });
}

describe('npm run notify-hub', () => {
  it('without a hub configured: says so, pings nothing, exits 0', async () => {
    const r = await notify({});
    expect(r.out).toContain('no WebSub hub configured');
    expect(r.status).toBe(0);
  });

  it('first run: one publish ping per feed, form-encoded, with the feed’s own absolute URL', async () => {
    expect(feedCount).toBeGreaterThan(30);
    const r = await notify();
    expect(r.status, r.out).toBe(0);
    expect(pings).toHaveLength(feedCount);
    for (const p of pings) {
      expect(p.contentType).toBe('application/x-www-form-urlencoded');
      expect([...p.body.keys()]).toEqual(['hub.mode', 'hub.url']);
      expect(p.body.get('hub.mode')).toBe('publish');
    }
    const urls = pings.map((p) => p.body.get('hub.url')).sort();
    expect(urls).toContain(`${SITE}/rss.xml`);
    expect(urls).toContain(`${SITE}/topics/shinzo-abe/atom.xml`);
    expect(urls).toContain(`${SITE}/corrections/feed.json`);
    expect(new Set(urls).size).toBe(feedCount);
    expect(r.out).toContain(`${feedCount} notified, 0 failed`);
  });

  it('nothing changed: no ping', async () => {
    const r = await notify();
    expect(r.status).toBe(0);
    expect(pings).toHaveLength(0);
    expect(r.out).toContain('no feed changed since the last notification');
  });

  it('one feed changed: only that feed is pinged; a failed ping exits 1 and is retried next time', async () => {
    const file = path.join(copy, 'topics', 'shinzo-abe', 'rss.xml');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</channel>', '<!-- edited --></channel>'));
    failUrl = `${SITE}/topics/shinzo-abe/rss.xml`;
    const failed = await notify();
    expect(failed.status).toBe(1);
    expect(failed.out).toContain(`${SITE}/topics/shinzo-abe/rss.xml: HTTP 500`);
    expect(pings.map((p) => p.body.get('hub.url'))).toEqual([`${SITE}/topics/shinzo-abe/rss.xml`]);
    failUrl = undefined;
    const retried = await notify();
    expect(retried.status, retried.out).toBe(0);
    expect(pings.map((p) => p.body.get('hub.url'))).toEqual([`${SITE}/topics/shinzo-abe/rss.xml`]);
    expect((await notify()).out).toContain('no feed changed');
  });

  it('--all pings every feed again; an unreachable hub fails with the reason', async () => {
    expect((await notify({ WEBSUB_HUB: hubUrl }, '--all')).status).toBe(0);
    expect(pings).toHaveLength(feedCount);
    const down = await notify({ WEBSUB_HUB: 'http://127.0.0.1:9/' }, '--all');
    expect(down.status).toBe(1);
    expect(down.out).toMatch(/notify-hub: https:\/\/dateline\.example\/\S+: fetch failed/);
  });
});
