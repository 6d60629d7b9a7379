/**
 * Compact SVG path data from a d3-geo projection stream. d3's own `geoPath` writes every
 * projected vertex with three decimals; a locator map needs neither: vertices are rounded
 * to 0.1 px, a vertex closer than `tolerance` px (Manhattan) to the last one written is
 * dropped, coordinates after the first of a ring are relative (`l`), and rings that end up
 * smaller than `minArea` px² vanish. Deterministic: the same stream gives the same string.
 */
import type { GeoStream } from 'd3-geo';

/** One recorded ring or line, in tenths of a pixel. */
export type Ring = Array<[number, number]>;

/** Options of {@link PathRecorder}. */
export interface PathOptions {
  /** Drop a vertex closer than this (px, |dx| + |dy|) to the last kept one. Default 0.6. */
  tolerance?: number;
  /** Drop closed rings whose area is below this (px²). Default 0.4. */
  minArea?: number;
}

/** A d3 stream sink that keeps the rings (polygons) or lines it is sent, simplified. */
export class PathRecorder implements GeoStream {
  readonly rings: Ring[] = [];
  readonly lines: Ring[] = [];
  private current: Ring | null = null;
  private inPolygon = false;
  private readonly tolerance: number;
  private readonly minArea: number;

  constructor({ tolerance = 0.6, minArea = 0.4 }: PathOptions = {}) {
    this.tolerance = tolerance * 10;
    this.minArea = minArea * 100;
  }
  polygonStart(): void { this.inPolygon = true; }
  polygonEnd(): void { this.inPolygon = false; }
  lineStart(): void { this.current = []; }
  point(x: number, y: number): void {
    const ring = this.current;
    if (!ring) return; // a bare Point: not drawn as a path
    const p: [number, number] = [Math.round(x * 10), Math.round(y * 10)];
    const last = ring[ring.length - 1];
    if (last && Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) < this.tolerance) return;
    ring.push(p);
  }
  lineEnd(): void {
    const ring = this.current;
    this.current = null;
    if (!ring) return;
    if (this.inPolygon) {
      if (ring.length >= 3 && Math.abs(ringArea(ring)) >= this.minArea) this.rings.push(ring);
    } else if (ring.length >= 2) {
      this.lines.push(ring);
    }
  }
  sphere(): void {}

  /** Path data of everything recorded: rings closed with `z`, lines open. */
  toPathData(): string {
    return [...this.rings.map((r) => serialise(r, true)), ...this.lines.map((r) => serialise(r, false))].join('');
  }
}

/** Signed area of a ring in (tenths of px)², shoelace formula. */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return sum / 2;
}

/** Whether point (x, y) in px lies inside the rings (even-odd rule). */
export function insideRings(rings: readonly Ring[], x: number, y: number): boolean {
  const px = x * 10, py = y * 10;
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
      if ((yi > py) !== (yj > py) && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** A number in tenths as SVG text: `123` → `12.3`, `-5` → `-.5`. */
function num(tenths: number): string {
  const s = String(tenths / 10);
  return s.startsWith('0.') ? s.slice(1) : s.startsWith('-0.') ? `-${s.slice(2)}` : s;
}

/** `a b` or `a-b`: a minus sign separates numbers by itself. */
function pair(a: number, b: number): string {
  const sb = num(b);
  return `${num(a)}${sb.startsWith('-') ? '' : ' '}${sb}`;
}

function serialise(ring: Ring, close: boolean): string {
  const [x0, y0] = ring[0]!;
  let out = `M${pair(x0, y0)}`;
  let [px, py] = [x0, y0];
  const steps: string[] = [];
  for (let i = 1; i < ring.length; i++) {
    const [x, y] = ring[i]!;
    steps.push(pair(x - px, y - py));
    [px, py] = [x, y];
  }
  if (steps.length) out += `l${steps.map((s, i) => (i > 0 && !s.startsWith('-') ? ` ${s}` : s)).join('')}`;
  return close ? `${out}z` : out;
}
