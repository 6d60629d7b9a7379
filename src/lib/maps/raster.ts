/**
 * A locator map as a PNG for `og:image` / `twitter:image`, through sharp (libvips with
 * librsvg). librsvg finds fonts through fontconfig: the map's font list (`draw.ts`) names
 * faces Debian ships (Liberation Sans, DejaVu Sans, Noto Sans CJK JP) before the generic
 * `sans-serif`, so text renders on a plain Debian machine; a machine with none of them gets
 * fontconfig's default sans face. `prefers-color-scheme` does not match in librsvg, so the
 * PNG has the light colours.
 */
import sharp from 'sharp';

/**
 * Rasterise an SVG drawn at its output size (`drawLocatorMap(…, { width: 1200, height: 630 })`)
 * to PNG bytes of the same pixel size. Deterministic for the same SVG and the same sharp,
 * librsvg and fonts (no time or metadata chunks are written).
 * @throws from sharp when the SVG does not parse.
 */
export async function rasteriseMap(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg, 'utf8'), { density: 72 })
    .png({ compressionLevel: 9, adaptiveFiltering: true, palette: true, quality: 90, effort: 7 })
    .toBuffer();
}
