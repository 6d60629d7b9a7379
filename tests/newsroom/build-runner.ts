/**
 * Run `npm run build`'s script (scripts/build.ts) on a content tree, as the tests of atomic
 * output and verified restores need it: with a pinned build clock, the default site URL,
 * no colours, and the output written where the test says.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { astroCacheDir } from '../../src/lib/content/paths.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const BUILD_SCRIPT = path.join(repoRoot, 'scripts', 'build.ts');

/** The environment of a test build of `contentDir` at build clock `now`. */
export function buildEnv(contentDir: string, now: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATELINE_CONTENT_DIR: contentDir, DATELINE_NOW: now, SITE_URL: '', NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' };
  return env;
}

/**
 * Build synchronously; returns exit status and the console output (stdout + stderr).
 * `args` default to `--verbose`, which keeps Astro's page lines (`… (restored)`) on the console.
 */
export function runBuild(contentDir: string, outDir: string, now: string, args: string[] = ['--verbose']): { status: number | null; log: string } {
  const r = spawnSync(process.execPath, [BUILD_SCRIPT, '--outDir', outDir, ...args], { cwd: repoRoot, encoding: 'utf8', env: buildEnv(contentDir, now), timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, log: `${r.stdout}\n${r.stderr}` };
}

/** Start a build in the background (stdout and stderr piped, `--verbose`) and return the process. */
export function startBuild(contentDir: string, outDir: string, now: string): ChildProcess {
  return spawn(process.execPath, [BUILD_SCRIPT, '--outDir', outDir, '--verbose'], { cwd: repoRoot, env: buildEnv(contentDir, now), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The absolute cache folder Astro uses for a build of `contentDir` (src/lib/content/paths.ts). */
export function cacheDirOf(contentDir: string): string {
  return path.join(repoRoot, astroCacheDir({ DATELINE_CONTENT_DIR: contentDir }));
}

/** Path (relative, forward slashes) → SHA-256 of every file under `dir`, sorted by path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const files = (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
  for (const f of files) out[f] = createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex');
  return out;
}
