/**
 * Rasterise the publication's brand images from their SVG sources with sharp (librsvg):
 *
 * - assets/brand/card.svg → public/og-default.png (1200×630, the default social card)
 * - assets/brand/logo.svg → public/brand/logo-512.png and public/brand/logo-144.png
 *
 * Run once after editing a source: `node scripts/build-brand-images.ts`. The PNGs are
 * committed, so builds do not depend on the fonts of the build machine. The sizes must
 * match `logo`, `smallLogo` and `defaultImage` in src/site.config.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(import.meta.dirname, '..');
const jobs = [
  { source: 'assets/brand/card.svg', target: 'public/og-default.png', width: 1200, height: 630 },
  { source: 'assets/brand/logo.svg', target: 'public/brand/logo-512.png', width: 512, height: 512 },
  { source: 'assets/brand/logo.svg', target: 'public/brand/logo-144.png', width: 144, height: 144 },
];

for (const job of jobs) {
  const target = path.join(root, job.target);
  mkdirSync(path.dirname(target), { recursive: true });
  // density scales the SVG's user units so small sizes are drawn, not downscaled blurry.
  const info = await sharp(path.join(root, job.source), { density: 72 * Math.max(1, job.width / 512) })
    .resize(job.width, job.height)
    .flatten({ background: '#111111' })
    .png({ compressionLevel: 9, palette: false })
    .toFile(target);
  console.log(`${job.target}: ${info.width}×${info.height}, ${info.size} bytes`);
}
