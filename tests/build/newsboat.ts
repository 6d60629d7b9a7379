/** Run Debian's newsboat, a real terminal feed reader, non-interactively on a feed in dist/. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { distDir } from './dist.ts';

/** What newsboat did with one feed: its log and its SQLite cache (open; close it when done). */
export interface NewsboatRun {
  /** The `file://` URL newsboat loaded, which keys the feed's rows in the cache. */
  url: string;
  /** newsboat's debug log (level 4). */
  log: string;
  db: import('node:sqlite').DatabaseSync;
}

/**
 * `newsboat -x reload` of `dist/<feed>` into a fresh cache under `workDir` (created), with an
 * empty config and HOME/XDG dirs inside `workDir`, so nothing of the machine's user leaks in.
 * @throws {Error} when newsboat is missing (says how to install it) or exits non-zero.
 */
export async function reloadWithNewsboat(feed: string, workDir: string): Promise<NewsboatRun> {
  fs.mkdirSync(workDir, { recursive: true });
  const url = `file://${path.join(distDir, feed)}`;
  const file = (name: string) => path.join(workDir, name);
  fs.writeFileSync(file('urls'), `${url}\n`);
  fs.writeFileSync(file('config'), '');
  const result = spawnSync('newsboat', ['-u', file('urls'), '-c', file('cache.db'), '-C', file('config'), '-d', file('log'), '-l', '4', '-x', 'reload'], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: workDir, XDG_CONFIG_HOME: workDir, XDG_DATA_HOME: workDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error) throw new Error(`cannot run newsboat (${result.error.message}): run scripts/provision-tests.sh (Debian package newsboat)`);
  if (result.status !== 0) throw new Error(`newsboat -x reload ${feed} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  const log = fs.existsSync(file('log')) ? fs.readFileSync(file('log'), 'utf8') : '';
  const { DatabaseSync } = await import('node:sqlite');
  return { url, log, db: new DatabaseSync(file('cache.db'), { readOnly: true }) };
}
