/**
 * Locator maps drawn at build time from Natural Earth data (`atlas.ts`): land, country
 * borders, the place marked and named, the places an editor lists, country names, and an
 * inset globe that shows where the view lies. The output is one self-contained SVG string:
 * its `<style>` carries the site's colours with a `prefers-color-scheme: dark` variant, so
 * the map follows the reader's scheme as an `<img>`; every label is real `<text>` in the
 * article's language, and `<title>` names the place.
 *
 * Pure and deterministic: the same location and options give the same bytes (no clock, no
 * randomness; coordinates rounded to 0.1 px; every list in a fixed order). Bump
 * {@link MAP_VERSION} whenever the output for the same input changes, so cached map files
 * are drawn again.
 *
 * Projection: azimuthal equal-area centred on the view (north up, little distortion at
 * news scales), fitted to the bounding box, the country, or a width set by `zoom`.
 */
import { geoArea, geoAzimuthalEqualArea, geoBounds, geoCentroid, geoContains, geoOrthographic, geoStream, type GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Position } from 'geojson';
import { escape } from 'html-escaper';
import { loadAtlas, type Atlas, type CountryFeature, type Resolution } from './atlas.ts';
import { countryName, numericOf } from './countries.ts';
import { centredBox, interiorPoints, LabelSpace, placeBeside, textWidth, type Box } from './labels.ts';
import { insideRings, PathRecorder, ringArea, type Ring } from './svg-path.ts';

/** Version of the drawing: part of every map file's cache key. */
export const MAP_VERSION = 'map-4';

/** A place on a map: its name as the article writes it, latitude and longitude in degrees (WGS 84). */
export interface MapPlace {
  name: string;
  /** Degrees north, −90 to 90. */
  lat: number;
  /** Degrees east, −180 to 180. */
  lon: number;
}

/**
 * What to map (the content model's `location`, src/schemas/location.ts): a point
 * (`lat`/`lon`, with `zoom` or a `bbox`), or a `country` (ISO 3166-1 alpha-2) when a
 * point does not fit, plus optional extra `places` to mark and name.
 */
export interface MapLocation {
  name: string;
  lat?: number | undefined;
  lon?: number | undefined;
  /** 2 (a continent) to 10 (a city); the view is 40,075 km / 2^zoom wide. Default 5 (~1,250 km). */
  zoom?: number | undefined;
  /** `[west, south, east, north]` in degrees; west > east crosses the antimeridian. */
  bbox?: readonly [number, number, number, number] | undefined;
  country?: string | undefined;
  places?: readonly MapPlace[] | undefined;
}

/** Options of {@link drawLocatorMap}. */
export interface DrawOptions {
  /** Size in px (the viewBox and the intrinsic size). Default 400×250: at a phone's 358 px column the type is ~0.9 of its size, at the 36rem desktop figure ~1.4. */
  width?: number;
  height?: number;
  /** Primary language subtag of the labels (`en`, `ja`): country names are translated. Default `en`. */
  lang?: string;
  /** `Locator map: {place}`-style template for the alt text; `{place}` is replaced. */
  altTemplate?: string;
  /** Multiplies type sizes and line widths (the og:image at 1200×630 uses 2.1). Default: width / 400. */
  scale?: number;
}

/** A drawn map. */
export interface LocatorMap {
  svg: string;
  width: number;
  height: number;
  /** The `<title>`: the place, with its country when known. */
  title: string;
  /** Text alternative for the `<img>`. */
  alt: string;
  /** Where the location's own point was drawn (px), when it has one. */
  marker?: { x: number; y: number } | undefined;
}

const EARTH_KM = 6371;
/** Characters of land, border and highlight path data a page map may hold (scaled with the map): keeps the file ≤ 60 KB, most far less. */
const GEOGRAPHY_BUDGET = 32_000;
const EQUATOR_KM = 40075;
/** Label fonts that exist on Debian (fontconfig: DejaVu, Liberation, Noto CJK) and on readers' systems. */
const FONTS = "'Helvetica Neue',Arial,'Liberation Sans','DejaVu Sans','Noto Sans CJK JP','Hiragino Sans','Yu Gothic',sans-serif";

/**
 * Draw the locator map of `location`.
 * @throws {RangeError} when the location has neither a point nor a known country code (the
 * schema rules this out for content).
 */
export function drawLocatorMap(location: MapLocation, options: DrawOptions = {}): LocatorMap {
  const width = options.width ?? 400;
  const height = options.height ?? 250;
  const lang = options.lang ?? 'en';
  const u = options.scale ?? width / 400;
  const hasPoint = location.lat !== undefined && location.lon !== undefined;
  const countryId = location.country ? numericOf(location.country) : undefined;
  if (!hasPoint && !countryId) throw new RangeError(`location "${location.name}" needs lat and lon or a known country code`);

  // 1. The view: centre and scale of the projection.
  const coarse = loadAtlas('50m');
  const target = countryId ? coarse.countries.find((c) => c.id === countryId) : undefined;
  const projection = geoAzimuthalEqualArea().clipAngle(150).precision(0.2);
  const margin = 10 * u;
  if (location.bbox) {
    const pts = bboxOutline(location.bbox);
    const centre = bboxCentre(location.bbox);
    projection.rotate([-centre[0], -centre[1]]).fitExtent([[margin, margin], [width - margin, height - margin]], { type: 'MultiPoint', coordinates: pts });
  } else if (hasPoint) {
    projection.rotate([-location.lon!, -location.lat!]).scale((width * EARTH_KM * 2 ** (location.zoom ?? 5)) / EQUATOR_KM).translate([width / 2, height / 2]);
  } else {
    const main = mainParts(target!);
    const centre = geoCentroid(main);
    projection.rotate([-centre[0], -centre[1]]).fitExtent([[margin * 2, margin * 2], [width - margin * 2, height - margin * 2]], main);
  }
  projection.clipExtent([[-2, -2], [width + 2, height + 2]]);
  const viewKm = (width / projection.scale()) * EARTH_KM;
  // The finest data that stays within the size budget at this scale (≤ 60 KB; most maps 15–30 KB).
  // A view full of coastline (the Aegean, Chesapeake Bay) is simplified further, then drawn
  // from coarser data, until land and borders fit GEOGRAPHY_BUDGET.
  let resolution: Resolution = viewKm < 1500 ? '10m' : viewKm < 9000 ? '50m' : '110m';
  let atlas = resolution === '50m' ? coarse : loadAtlas(resolution);

  // 2. Geography.
  const pointXY = hasPoint ? projection([location.lon!, location.lat!]) : null;
  let tolerance = 0.7 * Math.max(1, u * 0.8);
  let land: PathRecorder, borders: PathRecorder, visible: VisibleCountry[], highlighted: VisibleCountry | undefined;
  /** The country the point lies in (named in the title), tinted or not. */
  let home: VisibleCountry | undefined;
  for (let attempt = 0; ; attempt++) {
    land = record(projection, atlas.land, { tolerance, minArea: Math.max(1, tolerance * tolerance * 2) });
    borders = record(projection, atlas.borders, { tolerance: tolerance * 1.5 });
    visible = visibleCountries(atlas, projection, width, height, tolerance);
    highlighted = countryId
      ? visible.find((c) => c.feature.id === countryId)
      : pointXY
        ? visible.find((c) => insideRings(c.rings, pointXY[0], pointXY[1]) && geoContains(c.feature, [location.lon!, location.lat!]))
        : undefined;
    // The point's country is tinted only where that tells something: not when it fills the view.
    home = highlighted;
    if (!countryId && highlighted && highlighted.area > width * height * 100 * 0.5) highlighted = undefined;
    const size = land.toPathData().length + borders.toPathData().length + (highlighted ? recordRings(highlighted.rings).length : 0);
    if (size <= GEOGRAPHY_BUDGET * u || attempt === 5) break;
    if (attempt === 1 && resolution === '10m') {
      resolution = '50m';
      atlas = coarse;
    } else tolerance *= 1.6;
  }

  // 3. Labels, most important first: the place, the listed places, then countries.
  const space = new LabelSpace(width, height, 3 * u);
  const inset = viewKm < 7000 ? drawInset(projection, width, height, u) : null;
  if (inset) space.take(inset.box);
  const size = { place: 15 * u, other: 12.5 * u, country: 11 * u };
  const marks: string[] = [];
  const texts: string[] = [];
  const places = location.places ?? [];
  let marker: LocatorMap['marker'];
  // Listed places' dots are reserved first, so no label covers one.
  const placeMarks = places.map((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy && xy[0] >= 0 && xy[0] <= width && xy[1] >= 0 && xy[1] <= height ? { p, x: round1(xy[0]), y: round1(xy[1]) } : null;
  });
  const r2 = 2.8 * u;
  for (const m of placeMarks) if (m) space.take(centredBox(m.x, m.y, r2 * 2 + 2 * u, r2 * 2 + 2 * u));
  if (pointXY) {
    const [x, y] = pointXY.map(round1) as [number, number];
    marker = { x, y };
    if (places.length) {
      // With listed places the location names the area: its name is written over it, unmarked,
      // as near the point as it fits.
      const w = textWidth(location.name, size.place);
      for (const dy of [0, -1.2, 1.2, -2.4, 2.4, -3.6, 3.6]) {
        const box = centredBox(x, y + dy * size.place, w, size.place);
        if (space.fits(box) || dy === 3.6) {
          space.take(box);
          texts.push(text('p', x, y + dy * size.place + size.place * 0.35, location.name, 'middle'));
          break;
        }
      }
    } else {
      const r = 4.5 * u;
      marks.push(`<circle class="m" cx="${n(x)}" cy="${n(y)}" r="${n(r)}"/>`);
      space.take(centredBox(x, y, r * 2 + 2, r * 2 + 2));
      const placed = placeBeside(space, x, y, r, textWidth(location.name, size.place), size.place)
        ?? { x: x + r + 3, y: y + size.place * 0.35, anchor: 'start' as const, box: centredBox(x, y, 0, 0) };
      space.take(placed.box);
      texts.push(text('p', placed.x, placed.y, location.name, placed.anchor));
    }
  } else if (highlighted) {
    // A country map: the location's name goes where the country has most room.
    const w = textWidth(location.name, size.place);
    const step = Math.max(6, Math.round(8 * u));
    const spot = interiorPoints(highlighted.rings, width, height, step).find((pt) => space.fits(centredBox(pt.x, pt.y, w, size.place)));
    if (spot) {
      space.take(centredBox(spot.x, spot.y, w, size.place));
      texts.push(text('p', spot.x, spot.y + size.place * 0.35, location.name, 'middle'));
    }
  }
  for (const m of placeMarks) {
    if (!m) continue;
    marks.push(`<circle class="m q" cx="${n(m.x)}" cy="${n(m.y)}" r="${n(r2)}"/>`);
    const placed = placeBeside(space, m.x, m.y, r2, textWidth(m.p.name, size.other), size.other);
    if (placed) {
      space.take(placed.box);
      texts.push(text('o', placed.x, placed.y, m.p.name, placed.anchor));
    }
  }
  const frameArea = width * height * 100;
  const step = Math.max(6, Math.round(8 * u));
  for (const c of [...visible].sort((a, b) => b.area - a.area || a.index - b.index).slice(0, 8)) {
    if (c.area < frameArea * 0.012 && c !== highlighted) continue;
    if (c === highlighted && !pointXY) continue; // named above
    const name = countryName(c.feature.id, c.feature.properties.name, lang);
    if (name.toLowerCase() === location.name.toLowerCase()) continue; // Hong Kong on a map of Hong Kong
    const label = lang === 'en' ? name.toUpperCase() : name;
    const w = textWidth(label, size.country, lang === 'en' ? 0.12 : 0.05);
    for (const pt of interiorPoints(c.rings, width, height, step).slice(0, 60)) {
      const box = centredBox(pt.x, pt.y, w + 4 * u, size.country * 1.2);
      if (space.fits(box)) {
        space.take(box);
        texts.push(text('c', round1(pt.x), round1(pt.y + size.country * 0.35), label, 'middle'));
        break;
      }
    }
  }

  // 4. The title names the place and its country (unless the name already does).
  const named = home ?? highlighted;
  const country = named ? countryName(named.feature.id, named.feature.properties.name, lang) : undefined;
  const title = country && !location.name.includes(country) ? `${location.name}${lang === 'ja' ? `（${country}）` : `, ${country}`}` : location.name;
  const listed = places.map((p) => p.name).join(lang === 'ja' ? '、' : ', ');
  const described = listed ? (lang === 'ja' ? `${title}（${listed}）` : `${title} (${listed})`) : title;
  const alt = (options.altTemplate ?? 'Locator map: {place}').replace('{place}', described);

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="t" lang="${escape(lang)}">`,
    `<title id="t">${escape(title)}</title>`,
    `<style>${styleSheet(u)}</style>`,
    `<rect class="s" width="${width}" height="${height}"/>`,
    `<path class="l" d="${land.toPathData()}"/>`,
    highlighted ? `<path class="h" d="${recordRings(highlighted.rings)}"/>` : '',
    `<path class="b" d="${borders.toPathData()}"/>`,
    inset?.svg ?? '',
    ...marks,
    ...texts,
    `<rect class="f" x=".5" y=".5" width="${width - 1}" height="${height - 1}"/>`,
    '</svg>',
  ].join('');
  return { svg, width, height, title, alt, marker };
}

/** The stylesheet inside the SVG: the site palette (src/styles/global.css), light and dark. */
function styleSheet(u: number): string {
  const lw = (v: number) => n(round1(v * u * 10) / 10);
  return [
    `text{font-family:${FONTS};paint-order:stroke;stroke-linejoin:round;stroke-width:${lw(3)}px;fill:#1c1b19;stroke:#fdfcf9}`,
    `.s{fill:#dbe5ec}.l{fill:#f4f1ea;stroke:#7f8b94;stroke-width:${lw(0.7)}}.h{fill:#e6dcc6}`,
    `.b{fill:none;stroke:#8f887c;stroke-width:${lw(0.8)};stroke-dasharray:${lw(3)} ${lw(2)}}`,
    `.m{fill:#9b1c1c;stroke:#fdfcf9;stroke-width:${lw(1.5)}}.q{fill:#1c1b19}`,
    `.p{font-size:${lw(15)}px;font-weight:700}.o{font-size:${lw(12.5)}px}`,
    `.c{font-size:${lw(11)}px;letter-spacing:.1em;fill:#55524c}`,
    `.g{fill:#dbe5ec;stroke:#55524c;stroke-width:${lw(0.8)}}.gl{fill:#cfc8b8}.gv{fill:none;stroke:#9b1c1c;stroke-width:${lw(1.6)}}.gd{fill:#9b1c1c}`,
    `.f{fill:none;stroke:#d9d5cc}`,
    '@media (prefers-color-scheme:dark){',
    'text{fill:#e8e6e1;stroke:#141414}.s{fill:#1b2228}.l{fill:#2e2c28;stroke:#6d7880}.h{fill:#48402f}.b{stroke:#8a8478}',
    '.m{fill:#ff8f8f;stroke:#141414}.q{fill:#e8e6e1}.c{fill:#b5b0a7}.g{fill:#1b2228;stroke:#b5b0a7}.gl{fill:#5a554b}.gv{stroke:#ff8f8f}.gd{fill:#ff8f8f}.f{stroke:#3a3834}',
    '}',
  ].join('');
}

function text(cls: string, x: number, y: number, label: string, anchor: 'start' | 'middle' | 'end'): string {
  const a = anchor === 'start' ? '' : ` text-anchor="${anchor}"`;
  return `<text class="${cls}" x="${n(round1(x))}" y="${n(round1(y))}"${a}>${escape(label)}</text>`;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** A coordinate as SVG text: `0.5` → `.5`. */
function n(v: number): string {
  const s = String(v);
  return s.startsWith('0.') ? s.slice(1) : s.startsWith('-0.') ? `-${s.slice(2)}` : s;
}

function record(projection: GeoProjection, object: unknown, options: { tolerance: number; minArea?: number }): PathRecorder {
  const recorder = new PathRecorder(options);
  streamGeo(projection, object, recorder);
  return recorder;
}

/** Project and clip any GeoJSON object into `sink`. */
function streamGeo(projection: GeoProjection, object: unknown, sink: PathRecorder): void {
  geoStream(object as Parameters<typeof geoStream>[0], projection.stream(sink));
}

function recordRings(rings: readonly Ring[]): string {
  const r = new PathRecorder({ tolerance: 0, minArea: 0 });
  r.rings.push(...rings);
  return r.toPathData();
}

interface VisibleCountry { feature: CountryFeature; rings: Ring[]; area: number; index: number }

/** Countries with something inside the frame, with their clipped rings (px) and area (tenths²). */
function visibleCountries(atlas: Atlas, projection: GeoProjection, width: number, height: number, tolerance: number): VisibleCountry[] {
  const view = viewBounds(projection, width, height);
  const out: VisibleCountry[] = [];
  atlas.countries.forEach((feature, index) => {
    if (view && !intersects(boundsOf(atlas, feature), view)) return;
    const r = new PathRecorder({ tolerance });
    streamGeo(projection, feature, r);
    const area = Math.abs(r.rings.reduce((sum, ring) => sum + ringArea(ring), 0));
    if (area > 0) out.push({ feature, rings: r.rings, area, index });
  });
  return out;
}

type LonLatBox = [number, number, number, number];

const boundsCache = new WeakMap<CountryFeature, LonLatBox>();
/** geoBounds of a country, memoised per atlas feature. */
function boundsOf(_atlas: Atlas, feature: CountryFeature): LonLatBox {
  let b = boundsCache.get(feature);
  if (!b) {
    const [[w, s], [e, nn]] = geoBounds(feature);
    b = [w, s, e, nn];
    boundsCache.set(feature, b);
  }
  return b;
}

/** Lon/lat bounds of the frame (sampled along its edges), or null when the frame shows a pole or the antimeridian is awkward: then every country is tested. */
function viewBounds(projection: GeoProjection, width: number, height: number): LonLatBox | null {
  const pts: Position[] = [];
  for (let i = 0; i <= 16; i++) {
    const fx = (i / 16) * width, fy = (i / 16) * height;
    for (const xy of [[fx, 0], [fx, height], [0, fy], [width, fy], [width / 2, height / 2]] as [number, number][]) {
      const p = projection.invert?.(xy);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
      pts.push(p);
    }
  }
  const [[w, s], [e, nn]] = geoBounds({ type: 'MultiPoint', coordinates: pts });
  if (nn > 85 || s < -85 || e - w > 300) return null;
  return [w - 1, s - 1, e + 1, nn + 1];
}

/** Whether two lon/lat boxes overlap (either may cross the antimeridian: west > east). */
function intersects(a: LonLatBox, b: LonLatBox): boolean {
  if (a[1] > b[3] || b[1] > a[3]) return false;
  const spans = (box: LonLatBox): Array<[number, number]> => (box[0] <= box[2] ? [[box[0], box[2]]] : [[box[0], 180], [-180, box[2]]]);
  return spans(a).some(([a0, a1]) => spans(b).some(([b0, b1]) => a0 <= b1 && b0 <= a1));
}

/** Points along the edges of a bbox (so the fit follows the curved parallels). */
function bboxOutline([w, s, e, nn]: readonly [number, number, number, number]): Position[] {
  const east = e < w ? e + 360 : e;
  const pts: Position[] = [];
  for (let i = 0; i <= 8; i++) {
    const lon = w + ((east - w) * i) / 8;
    pts.push([lon > 180 ? lon - 360 : lon, s], [lon > 180 ? lon - 360 : lon, nn]);
  }
  return pts;
}

function bboxCentre([w, s, e, nn]: readonly [number, number, number, number]): [number, number] {
  const east = e < w ? e + 360 : e;
  const lon = (w + east) / 2;
  return [lon > 180 ? lon - 360 : lon, (s + nn) / 2];
}

/** A country's main land: its polygons of at least a tenth of the largest one's area (not Alaska and Hawaii for a map of the United States… unless they are large). */
function mainParts(country: CountryFeature): Feature<MultiPolygon> {
  const polys = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
  const areas = polys.map((p) => geoArea({ type: 'Polygon', coordinates: p }));
  const largest = Math.max(...areas);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: polys.filter((_, i) => areas[i]! >= largest * 0.1) } };
}

/** The inset: a small orthographic globe centred on the view, the view's outline on it in the marker colour. */
function drawInset(projection: GeoProjection, width: number, height: number, u: number): { svg: string; box: Box } | null {
  const r = Math.round(Math.min(width, height) * 0.15);
  const pad = Math.round(6 * u);
  const cx = width - pad - r, cy = pad + r;
  const centre = projection.invert?.([width / 2, height / 2]);
  if (!centre) return null;
  const globe = geoOrthographic().rotate([-centre[0], -Math.max(-60, Math.min(60, centre[1]))]).scale(r).translate([cx, cy]).clipAngle(90).precision(0.5);
  const land = record(globe, loadAtlas('110m').land, { tolerance: 0.5 });
  // The view's outline, through its corners and edge midpoints.
  const outline: Position[] = [];
  for (const [x, y] of [[0, 0], [width / 2, 0], [width, 0], [width, height / 2], [width, height], [width / 2, height], [0, height], [0, height / 2]] as [number, number][]) {
    const p = projection.invert?.([x, y]);
    if (p) outline.push(p);
  }
  const projected = outline.map((p) => globe(p as [number, number])).filter((p): p is [number, number] => !!p);
  let view = '';
  const xs = projected.map((p) => p[0]), ys = projected.map((p) => p[1]);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  if (projected.length === outline.length && extent >= 5 * u) {
    view = `<path class="gv" d="M${projected.map(([x, y]) => `${n(round1(x))} ${n(round1(y))}`).join('L')}z"/>`;
  } else {
    const c = globe(centre as [number, number]);
    if (c) view = `<circle class="gd" cx="${n(round1(c[0]))}" cy="${n(round1(c[1]))}" r="${n(round1(2.5 * u))}"/>`;
  }
  const svg = `<g><circle class="g" cx="${cx}" cy="${cy}" r="${r}"/><path class="gl" d="${land.toPathData()}"/>${view}</g>`;
  return { svg, box: { x0: cx - r - 3, y0: cy - r - 3, x1: cx + r + 3, y1: cy + r + 3 } };
}
