/**
 * Natural Earth geography from the npm package `world-atlas` (TopoJSON of Natural Earth
 * 1:10m, 1:50m and 1:110m admin-0 countries and land; public domain), read from
 * `node_modules` — no network at build time. Each resolution is parsed once per process
 * and kept (1:10m takes ~0.3 s and ~40 MB).
 *
 * Country ids are ISO 3166-1 numeric codes as strings (`'392'` Japan); a few Natural Earth
 * units have none (Kosovo, N. Cyprus, Somaliland…) and are drawn, never labelled by code.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';

/** Natural Earth scale: `10m` (1:10 million) is the most detailed. */
export type Resolution = '10m' | '50m' | '110m';

/** A country polygon with its ISO numeric id (or undefined) and Natural Earth's short English map name. */
export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id?: string | undefined };

/** One resolution of the atlas. */
export interface Atlas {
  resolution: Resolution;
  countries: CountryFeature[];
  /** All land as one feature (coastlines). */
  land: FeatureCollection<Polygon | MultiPolygon>;
  /** Land borders between countries (each shared arc once). */
  borders: MultiLineString;
}

const require = createRequire(import.meta.url);
const loaded = new Map<Resolution, Atlas>();

/** The atlas at `resolution`, parsed on first use. @throws if `world-atlas` is not installed. */
export function loadAtlas(resolution: Resolution): Atlas {
  let atlas = loaded.get(resolution);
  if (!atlas) {
    const read = (name: string) => JSON.parse(fs.readFileSync(require.resolve(`world-atlas/${name}-${resolution}.json`), 'utf8')) as Topology;
    const countriesTopo = read('countries') as Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
    const collection = feature(countriesTopo, countriesTopo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
    const countries = collection.features.map((f) => ({ ...f, id: f.id === undefined ? undefined : String(f.id), geometry: withoutInverted(f.geometry) })) as CountryFeature[];
    const landFeatures = feature(countriesTopo, countriesTopo.objects.land) as FeatureCollection<Polygon | MultiPolygon>;
    const land = { ...landFeatures, features: landFeatures.features.map((f) => ({ ...f, geometry: withoutInverted(f.geometry) })) };
    const borders = mesh(countriesTopo, countriesTopo.objects.countries, (a, b) => a !== b);
    atlas = { resolution, countries, land, borders };
    loaded.set(resolution, atlas);
  }
  return atlas;
}

/**
 * The geometry without polygons that cover more than a hemisphere. In the 1:10m data a few
 * specks of the Maldives were simplified into rings of the wrong winding, which d3-geo's
 * spherical rules read as "the whole Earth but this speck" (they filled every map with
 * land); no real country or landmass covers a hemisphere.
 */
function withoutInverted(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return geometry;
  return { ...geometry, coordinates: geometry.coordinates.filter((p) => geoArea({ type: 'Polygon', coordinates: p }) <= 2 * Math.PI) };
}
