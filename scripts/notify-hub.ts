/**
 * `npm run notify-hub`: after a deploy, ping the WebSub hub (site config `websubHub`, or
 * `WEBSUB_HUB`) for every feed in the build output that changed since the last successful
 * notification (src/lib/deploy/websub.ts). Run it after the upload, so the hub fetches the
 * new feeds.
 *
 *   npm run notify-hub [-- --dist dist] [--state node_modules/.astro/websub-notified.json] [--all]
 *
 * --dist   the build output (default dist/)
 * --state  where the digests of the last notified feeds are kept (default in
 *          node_modules/.astro/, which CI keeps between runs; see README)
 * --all    notify every feed, changed or not
 *
 * Exit status: 0 when every ping succeeded (or no hub is configured: it says so), 1 when a
 * ping failed (the failed feeds stay unnotified and are retried next time) or the output is
 * unusable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { site } from '../src/site.config.ts';
import { changedFeeds, feedDigest, feedSelfUrl, isFeedFile, pingHub, type NotifiedState } from '../src/lib/deploy/websub.ts';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, state: { type: 'string', default: 'node_modules/.astro/websub-notified.json' }, all: { type: 'boolean', default: false } },
});
const distDir = path.resolve(values.dist);
const statePath = path.resolve(values.state);

function fail(message: string): never {
  process.stderr.write(`notify-hub: ${message}\n`);
  process.exit(1);
}

if (!site.websubHub) {
  console.log('notify-hub: no WebSub hub configured (site config websubHub or WEBSUB_HUB): nothing to do');
  process.exit(0);
}
if (!fs.existsSync(path.join(distDir, 'index.html'))) fail(`${distDir} is not a build output (no index.html): run npm run build first`);

const current = new Map<string, string>();
for (const entry of fs.readdirSync(distDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const rel = path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  if (!isFeedFile(rel)) continue;
  const bytes = fs.readFileSync(path.join(distDir, rel));
  try {
    current.set(feedSelfUrl(bytes.toString('utf8'), rel), feedDigest(bytes));
  } catch (error) {
    fail((error as Error).message);
  }
}

let notified: NotifiedState = {};
if (fs.existsSync(statePath)) {
  try {
    notified = JSON.parse(fs.readFileSync(statePath, 'utf8')) as NotifiedState;
  } catch {
    fail(`${statePath} is not the JSON this script writes: delete it to notify every feed`);
  }
}
const toNotify = values.all ? [...current.keys()].sort() : changedFeeds(current, notified);
if (toNotify.length === 0) {
  console.log(`notify-hub: no feed changed since the last notification (${current.size} feeds)`);
  process.exit(0);
}

console.log(`notify-hub: pinging ${site.websubHub} for ${toNotify.length} of ${current.size} feeds`);
const results = await pingHub(site.websubHub, toNotify);
const next: NotifiedState = {};
// Keep only feeds that still exist; record the new digest of each successful ping.
for (const [url, digest] of current) {
  const result = results.find((r) => r.url === url);
  if (result?.ok) next[url] = digest;
  else if (notified[url] !== undefined && !result) next[url] = notified[url];
}
fs.mkdirSync(path.dirname(statePath), { recursive: true });
fs.writeFileSync(statePath, `${JSON.stringify(next, null, 1)}\n`);
const failed = results.filter((r) => !r.ok);
for (const r of failed) process.stderr.write(`notify-hub: ${r.url}: ${r.detail}\n`);
console.log(`notify-hub: ${results.length - failed.length} notified, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
