import { z } from 'astro/zod';
import { PlainText } from './text.ts';
import { isCountryCode } from '../lib/maps/countries.ts';

const latitude = () =>
  z.number({ error: 'must be a number of degrees north, e.g. 35.68 (south is negative)' })
    .min(-90, 'must be between -90 and 90 (degrees north; south is negative)')
    .max(90, 'must be between -90 and 90 (degrees north; south is negative)');
const longitude = () =>
  z.number({ error: 'must be a number of degrees east, e.g. 139.69 (west is negative)' })
    .min(-180, 'must be between -180 and 180 (degrees east; west is negative)')
    .max(180, 'must be between -180 and 180 (degrees east; west is negative)');

/** A further place marked and named on the map (an island of a group, a second city). */
export function MapPlaceSchema() {
  return z.object({ name: PlainText({ max: 60 }), lat: latitude(), lon: longitude() }).strict();
}

/**
 * Where a story happened, for its locator map (src/lib/maps/): a point (`lat`, `lon` in
 * degrees WGS 84) shown at `zoom` 2–10 (default 5, about 1,250 km across) or fitted to a
 * `bbox` `[west, south, east, north]`; or, where a point does not fit, a `country`
 * (ISO 3166-1 alpha-2, e.g. `AU`) whose land is shown and highlighted. `places` (at most 8)
 * are marked and named too; with them, the location's name is written over the area,
 * unmarked. Names are written in the article's language.
 */
export function LocationSchema() {
  return z
    .object({
      /** The place as the caption and the map name it, e.g. `Lima` or `宮城県沖`. */
      name: PlainText({ max: 80 }),
      lat: latitude().optional(),
      lon: longitude().optional(),
      zoom: z.number().int('must be a whole number from 2 (a continent) to 10 (a city)').min(2, 'must be from 2 (a continent) to 10 (a city)').max(10, 'must be from 2 (a continent) to 10 (a city)').optional(),
      bbox: z.tuple([longitude(), latitude(), longitude(), latitude()], { error: 'must be [west, south, east, north] in degrees, e.g. [140.2, 41.3, 150.6, 46.6]' }).optional(),
      country: z.string().refine(isCountryCode, 'unknown country code: use an ISO 3166-1 alpha-2 code in capitals, e.g. JP, RU, AU').optional(),
      places: z.array(MapPlaceSchema()).max(8, 'at most 8 places fit on a locator map').optional(),
    })
    .strict()
    .superRefine((loc, ctx) => {
      const hasLat = loc.lat !== undefined, hasLon = loc.lon !== undefined;
      if (hasLat !== hasLon) ctx.addIssue({ code: 'custom', path: [hasLat ? 'lon' : 'lat'], message: 'lat and lon go together: give both, or neither and a country' });
      else if (!hasLat && loc.country === undefined) ctx.addIssue({ code: 'custom', path: [], message: 'needs lat and lon, or a country code where a point does not fit' });
      if (loc.zoom !== undefined && loc.bbox) ctx.addIssue({ code: 'custom', path: ['zoom'], message: 'give zoom or bbox, not both: a bbox sets the view' });
      if (loc.bbox && loc.bbox[1] >= loc.bbox[3]) ctx.addIssue({ code: 'custom', path: ['bbox'], message: 'south (the second number) must be less than north (the fourth)' });
    });
}

/** A validated location. */
export type Location = z.output<ReturnType<typeof LocationSchema>>;
