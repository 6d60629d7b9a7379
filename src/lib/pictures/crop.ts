/**
 * Crop maths for pictures (docs/adr/0014-pictures.md): the largest region of a given aspect
 * ratio inside an image that keeps a focal point inside it, as close to centred on the
 * focal point as the image's edges allow. Pure; all values are pixels of the (upright)
 * source image.
 */

/** A rectangle in source pixels: integers, inside the image. */
export interface CropRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A focal point as fractions of the width and height from the top-left corner (0–1). */
export interface Focus {
  x: number;
  y: number;
}

/** The centre of the picture: the focus when the editor gave none. */
export const CENTRE: Focus = { x: 0.5, y: 0.5 };

/**
 * The crop of aspect `aspect` (width / height) of an image `width`×`height` around `focus`.
 *
 * The crop spans the whole width or the whole height (whichever the aspect allows), its
 * aspect differs from `aspect` by less than one pixel of rounding, and it is centred on the
 * focus unless that would cross an edge, in which case it is pushed back inside. The focus
 * is always inside the crop.
 * @throws {RangeError} for non-positive sizes or aspect, or a focus outside 0–1.
 */
export function cropAround(width: number, height: number, aspect: number, focus: Focus = CENTRE): CropRect {
  if (!(width >= 1 && height >= 1 && aspect > 0) || !Number.isFinite(aspect)) throw new RangeError(`bad crop input ${width}×${height} at aspect ${aspect}`);
  if (!(focus.x >= 0 && focus.x <= 1 && focus.y >= 0 && focus.y <= 1)) throw new RangeError(`focus ${focus.x},${focus.y} is outside 0–1`);
  let w: number;
  let h: number;
  if (width / height > aspect) {
    h = height;
    w = Math.min(width, Math.max(1, Math.round(height * aspect)));
  } else {
    w = width;
    h = Math.min(height, Math.max(1, Math.round(width / aspect)));
  }
  return { left: place(width, w, focus.x), top: place(height, h, focus.y), width: w, height: h };
}

/** Start of a span of `span` pixels in `size`, centred on `fraction` of it, clamped inside. */
function place(size: number, span: number, fraction: number): number {
  const ideal = Math.round(fraction * size - span / 2);
  return Math.min(size - span, Math.max(0, ideal));
}

/**
 * Widths for a responsive set: each of `wanted` not wider than `sourceWidth`, plus
 * `sourceWidth` itself when it is narrower than the largest wanted width (so a small
 * original is offered at its own size, never enlarged). Ascending, no duplicates.
 */
export function responsiveWidths(sourceWidth: number, wanted: readonly number[]): number[] {
  const max = Math.max(...wanted);
  const widths = wanted.filter((w) => w <= sourceWidth);
  if (sourceWidth < max && !widths.includes(sourceWidth)) widths.push(sourceWidth);
  return [...new Set(widths)].sort((a, b) => a - b);
}

/** Height of `width` at the aspect of `cropWidth`×`cropHeight`, rounded, at least 1. */
export function heightAt(width: number, cropWidth: number, cropHeight: number): number {
  return Math.max(1, Math.round((width * cropHeight) / cropWidth));
}
