/**
 * Bad `location` input (issue 11), at the content-check level: each case is one small
 * in-memory article (or topic) and gives `file:line: field: message` naming the field.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, type ContentTree } from '../../src/lib/content/pipeline.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { buildContentModel } from '../../src/lib/content/model.ts';

const NOW = new Date('2026-03-04T10:00:00+08:00');

/** An article whose frontmatter ends with `location` (line 7 onwards). */
function article(location: string): { path: string; contents: string } {
  return {
    path: 'fx/articles/quake.md',
    contents: `---\nheadline: "Quake"\nstandfirst: "S"\ntopics:\n- city\npublishedAt: "2026-03-01T10:00:00+08:00"\n${location}---\nBody.\n`,
  };
}

function run(articles: ContentTree['articles'], topic = 'name: "City"\n') {
  const tree: ContentTree = { articles, topics: [{ path: 'fx/topics/city.yaml', contents: topic }], authors: [] };
  return checkContent(tree, { now: NOW, siteUrl: 'https://dateline.example' });
}
const check = (location: string) => run([article(location)]).problems.map(formatProblem);

describe('location', () => {
  it('accepts a point, a point with zoom, a bbox with places and a country', () => {
    expect(check('location: { name: "Lima", lat: -12.05, lon: -77.04 }\n')).toEqual([]);
    expect(check('location: { name: "Lima", lat: -12.05, lon: -77.04, zoom: 8 }\n')).toEqual([]);
    expect(check('location:\n  name: "Islands"\n  lat: 44.2\n  lon: 147.2\n  bbox: [140.2, 41.3, 150.6, 46.6]\n  places:\n  - { name: "Etorofu", lat: 45.05, lon: 147.85 }\n')).toEqual([]);
    expect(check('location: { name: "Australia", country: "AU" }\n')).toEqual([]);
  });

  it('reports a latitude out of range with its line', () => {
    expect(check('location:\n  name: "Nowhere"\n  lat: 95\n  lon: 10\n')).toEqual([
      'fx/articles/quake.md:9: location.lat: must be between -90 and 90 (degrees north; south is negative)',
    ]);
  });

  it('reports a longitude out of range', () => {
    expect(check('location: { name: "Nowhere", lat: 10, lon: -190 }\n')).toEqual([
      'fx/articles/quake.md:7: location.lon: must be between -180 and 180 (degrees east; west is negative)',
    ]);
  });

  it('reports a latitude written as text', () => {
    expect(check('location:\n  name: "Lima"\n  lat: "12S"\n  lon: -77\n')).toEqual([
      'fx/articles/quake.md:9: location.lat: must be a number of degrees north, e.g. 35.68 (south is negative)',
    ]);
  });

  it('reports an unknown country code', () => {
    expect(check('location:\n  name: "Atlantis"\n  country: "XA"\n')).toEqual([
      'fx/articles/quake.md:9: location.country: unknown country code: use an ISO 3166-1 alpha-2 code in capitals, e.g. JP, RU, AU',
    ]);
    expect(check('location: { name: "Japan", country: "jp" }\n')).toHaveLength(1);
  });

  it('reports a location with neither a point nor a country, and a lat without lon', () => {
    expect(check('location:\n  name: "Somewhere"\n')).toEqual([
      'fx/articles/quake.md:8: location: needs lat and lon, or a country code where a point does not fit',
    ]);
    expect(check('location:\n  name: "Somewhere"\n  lat: 10\n')).toEqual([
      'fx/articles/quake.md:8: location.lon: lat and lon go together: give both, or neither and a country',
    ]);
  });

  it('reports a bbox upside down, a bbox with zoom, a zoom out of range and an unknown field', () => {
    expect(check('location:\n  name: "X"\n  lat: 10\n  lon: 10\n  bbox: [0, 20, 30, 5]\n')).toEqual([
      'fx/articles/quake.md:11: location.bbox: south (the second number) must be less than north (the fourth)',
    ]);
    expect(check('location:\n  name: "X"\n  lat: 10\n  lon: 10\n  zoom: 5\n  bbox: [0, 5, 30, 20]\n')).toEqual([
      'fx/articles/quake.md:11: location.zoom: give zoom or bbox, not both: a bbox sets the view',
    ]);
    expect(check('location:\n  name: "X"\n  lat: 10\n  lon: 10\n  zoom: 14\n')).toEqual([
      'fx/articles/quake.md:11: location.zoom: must be from 2 (a continent) to 10 (a city)',
    ]);
    expect(check('location:\n  name: "X"\n  lat: 10\n  lon: 10\n  latitude: 3\n')).toEqual([
      'fx/articles/quake.md:11: location.latitude: unknown field: check its spelling against the content model in README.md',
    ]);
  });

  it('reports a bad place in the list by index', () => {
    expect(check('location:\n  name: "X"\n  lat: 10\n  lon: 10\n  places:\n  - { name: "A", lat: 10, lon: 200 }\n')).toEqual([
      'fx/articles/quake.md:12: location.places[0].lon: must be between -180 and 180 (degrees east; west is negative)',
    ]);
  });

  it('checks a topic location the same way', () => {
    const problems = run([article('')], 'name: "City"\nlocation: { name: "City", lat: -91, lon: 0 }\n').problems.map(formatProblem);
    expect(problems).toEqual(['fx/topics/city.yaml:2: location.lat: must be between -90 and 90 (degrees north; south is negative)']);
  });

  it("gives an article without a location its primary topic's", () => {
    const result = run([article('')], 'name: "City"\nlocation: { name: "City", lat: 22.3, lon: 114.2 }\n');
    expect(result.problems).toEqual([]);
    const model = buildContentModel(result, { production: true });
    expect(model.articles[0]!.location).toEqual({ name: 'City', lat: 22.3, lon: 114.2 });
  });
});
