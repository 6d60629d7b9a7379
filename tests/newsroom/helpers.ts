/** Build a fixture content tree with a fixed build clock into a temporary output directory. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** Arguments for `node` that run `astro build` (not the atomic `npm run build` wrapper) into `outDir`. */
export function astroBuildArgs(outDir: string): string[] {
  return [path.join(repoRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir];
}

export interface FixtureBuild {
  status: number | null;
  stdout: string;
  stderr: string;
  outDir: string;
}

/**
 * Run `astro build` on `tests/fixtures/<fixture>` at build clock `now` (ISO 8601 with offset).
 * The real `dist/` and the real content cache are not touched.
 */
export function buildFixture(fixture: string, now: string): FixtureBuild {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `dateline-${fixture}-`));
  const result = spawnSync(process.execPath, astroBuildArgs(outDir), {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, DATELINE_CONTENT_DIR: `tests/fixtures/${fixture}`, DATELINE_NOW: now, SITE_URL: '' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outDir };
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)));
}

/** Read a file of a build output. */
export function readOut(build: FixtureBuild, file: string): string {
  return fs.readFileSync(path.join(build.outDir, file), 'utf8');
}
