/**
 * Label placement for locator maps: estimated text boxes, collision checks, the side of a
 * marker a label goes on, and where inside a country its name fits best. Estimates only:
 * the map's text is real text laid out by the viewer, so boxes carry a margin.
 */
import { insideRings, type Ring } from './svg-path.ts';

/** An axis-aligned box in px. */
export interface Box { x0: number; y0: number; x1: number; y1: number }

/** Width of `text` at `size` px in em-estimates: CJK and full-width 1 em, capitals 0.7, others 0.56. */
export function textWidth(text: string, size: number, letterSpacingEm = 0): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += (c >= 0x2e80 ? 1 : /[A-Z0-9]/.test(ch) ? 0.7 : ch === ' ' ? 0.3 : 0.56) + letterSpacingEm;
  }
  return em * size;
}

/** Whether two boxes overlap. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** Keeps the boxes placed so far and the frame they must stay in. */
export class LabelSpace {
  private readonly taken: Box[] = [];
  private readonly width: number;
  private readonly height: number;
  private readonly margin: number;
  constructor(width: number, height: number, margin = 3) {
    this.width = width;
    this.height = height;
    this.margin = margin;
  }
  /** Whether `box` is inside the frame and clear of everything taken. */
  fits(box: Box): boolean {
    const m = this.margin;
    if (box.x0 < m || box.y0 < m || box.x1 > this.width - m || box.y1 > this.height - m) return false;
    return !this.taken.some((t) => overlaps(t, box));
  }
  take(box: Box): void { this.taken.push(box); }
}

/** A label anchored beside a marker: the text position and anchor chosen. */
export interface PlacedLabel { x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: Box }

/**
 * Place a label of `w`×`size` px beside a marker at (x, y) with radius `r`: right, left,
 * above, below, then the diagonals; the first that fits wins. Null when none fits.
 */
export function placeBeside(space: LabelSpace, x: number, y: number, r: number, w: number, size: number): PlacedLabel | null {
  const gap = r + size * 0.3;
  const base = size * 0.35; // from the text's middle to its baseline
  const candidates: PlacedLabel[] = [
    { x: x + gap, y: y + base, anchor: 'start', box: { x0: x + gap, y0: y - size / 2, x1: x + gap + w, y1: y + size / 2 } },
    { x: x - gap, y: y + base, anchor: 'end', box: { x0: x - gap - w, y0: y - size / 2, x1: x - gap, y1: y + size / 2 } },
    { x, y: y - gap - size * 0.25, anchor: 'middle', box: { x0: x - w / 2, y0: y - gap - size, x1: x + w / 2, y1: y - gap } },
    { x, y: y + gap + size * 0.8, anchor: 'middle', box: { x0: x - w / 2, y0: y + gap, x1: x + w / 2, y1: y + gap + size } },
    { x: x + gap * 0.7, y: y - gap * 0.7, anchor: 'start', box: { x0: x + gap * 0.7, y0: y - gap * 0.7 - size * 0.8, x1: x + gap * 0.7 + w, y1: y - gap * 0.7 + size * 0.2 } },
    { x: x - gap * 0.7, y: y - gap * 0.7, anchor: 'end', box: { x0: x - gap * 0.7 - w, y0: y - gap * 0.7 - size * 0.8, x1: x - gap * 0.7, y1: y - gap * 0.7 + size * 0.2 } },
    { x: x + gap * 0.7, y: y + gap * 0.7 + size * 0.8, anchor: 'start', box: { x0: x + gap * 0.7, y0: y + gap * 0.7, x1: x + gap * 0.7 + w, y1: y + gap * 0.7 + size } },
    { x: x - gap * 0.7, y: y + gap * 0.7 + size * 0.8, anchor: 'end', box: { x0: x - gap * 0.7 - w, y0: y + gap * 0.7, x1: x - gap * 0.7, y1: y + gap * 0.7 + size } },
  ];
  return candidates.find((c) => space.fits(c.box)) ?? null;
}

/** A box of `w`×`h` centred on (x, y). */
export function centredBox(x: number, y: number, w: number, h: number): Box {
  return { x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 };
}

/**
 * Points inside `rings` (px) on a grid of `step` px over the frame, best first: the
 * farthest from the rings' edge (a coarse pole of inaccessibility), ties in grid order.
 * Each comes with its distance to the edge in grid steps.
 */
export function interiorPoints(rings: readonly Ring[], width: number, height: number, step: number): Array<{ x: number; y: number; depth: number }> {
  const cols = Math.floor(width / step), rows = Math.floor(height / step);
  const depth = new Array<number>(cols * rows).fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    if (insideRings(rings, (c + 0.5) * step, (r + 0.5) * step)) depth[r * cols + c] = 1e9;
  }
  // Two-pass chamfer distance to the nearest outside cell (the frame's edge counts as outside).
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= rows || c >= cols ? 0 : depth[r * cols + c]!);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
    const i = r * cols + c;
    if (depth[i]) depth[i] = Math.min(depth[i]!, at(r - 1, c) + 1, at(r, c - 1) + 1, at(r - 1, c - 1) + 1.4, at(r - 1, c + 1) + 1.4);
  }
  for (let r = rows - 1; r >= 0; r--) for (let c = cols - 1; c >= 0; c--) {
    const i = r * cols + c;
    if (depth[i]) depth[i] = Math.min(depth[i]!, at(r + 1, c) + 1, at(r, c + 1) + 1, at(r + 1, c + 1) + 1.4, at(r + 1, c - 1) + 1.4);
  }
  const points: Array<{ x: number; y: number; depth: number; i: number }> = [];
  depth.forEach((d, i) => {
    if (d > 0) points.push({ x: ((i % cols) + 0.5) * step, y: (Math.floor(i / cols) + 0.5) * step, depth: d, i });
  });
  return points.sort((a, b) => b.depth - a.depth || a.i - b.i).map(({ x, y, depth: d }) => ({ x, y, depth: d }));
}
