// @ts-check
/**
 * Bare Astro reference for the Dateline benchmark: Astro's defaults, one page per article,
 * no integrations. Build output and caches go to a temp dir, never into the repository:
 *   BENCH_OUT_DIR   — outDir   (default: <os tmp>/dateline-bare-astro/dist)
 *   BENCH_CACHE_DIR — cacheDir (default: <os tmp>/dateline-bare-astro/cache); Vite's cache goes inside it
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'astro/config';

const scratch = path.join(os.tmpdir(), 'dateline-bare-astro');
const outDir = process.env.BENCH_OUT_DIR || path.join(scratch, 'dist');
const cacheDir = process.env.BENCH_CACHE_DIR || path.join(scratch, 'cache');

export default defineConfig({
  site: 'https://bench.example',
  outDir,
  cacheDir,
  vite: { cacheDir: path.join(cacheDir, 'vite') },
});
