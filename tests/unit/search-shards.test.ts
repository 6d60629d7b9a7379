/**
 * The search index's shard plan (src/lib/search/shards.ts): every year in exactly one shard of
 * its bundle, shards in year order, each but a bundle's last holding at least the minimum, and
 * a plan that changes only at its end when the newest year grows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planShards, shardManifest } from '../../src/lib/search/shards.ts';

const counts = (entries: Record<string, Record<string, number>>) => new Map(Object.entries(entries).map(([lang, years]) => [lang, new Map(Object.entries(years))]));

/** Articles per year of one bundle: distinct four-digit years, 1–50 articles each. */
const yearCounts = fc.dictionary(fc.integer({ min: 1990, max: 2030 }).map(String), fc.integer({ min: 1, max: 50 }), { minKeys: 1, maxKeys: 25 });

describe('search shards', () => {
  it('gives a small site one shard per bundle, named by its years', () => {
    expect(planShards(counts({ en: { '2016': 3, '2005': 2 }, ja: { '2011': 1 } }), 1000)).toEqual([
      { dir: 'pagefind/en-2005-2016', language: 'en', years: ['2005', '2016'] },
      { dir: 'pagefind/ja-2011', language: 'ja', years: ['2011'] },
    ]);
  });

  it('closes a shard at the first year that brings it to the minimum', () => {
    const plan = planShards(counts({ en: { '2020': 600, '2021': 500, '2022': 1200, '2023': 10 } }), 1000);
    expect(plan.map((s) => s.dir)).toEqual(['pagefind/en-2020-2021', 'pagefind/en-2022', 'pagefind/en-2023']);
    expect(planShards(counts({ en: {}, ja: { '2020': 1 } }), 5).map((s) => s.dir)).toEqual(['pagefind/ja-2020']);
  });

  it('refuses a minimum that is not a positive integer, and a year that is not four digits', () => {
    expect(() => planShards(counts({ en: { '2020': 1 } }), 0)).toThrow(RangeError);
    expect(() => planShards(counts({ en: { '2020': 1 } }), 1.5)).toThrow(/positive integer/);
    expect(() => planShards(counts({ en: { '20': 1 } }), 10)).toThrow(/"20" is not a four-digit year/);
  });

  it('puts every year in exactly one shard, in order, and every shard but the last holds at least the minimum', () => {
    fc.assert(fc.property(yearCounts, fc.integer({ min: 1, max: 120 }), (perYear, min) => {
      const plan = planShards(counts({ en: perYear }), min);
      const years = plan.flatMap((s) => s.years);
      expect(years).toEqual(Object.keys(perYear).sort());
      plan.forEach((shard, i) => {
        const held = shard.years.reduce((n, y) => n + perYear[y]!, 0);
        if (i < plan.length - 1) expect(held).toBeGreaterThanOrEqual(min);
        // Closed as soon as it reached the minimum: without its last year it held less.
        if (shard.years.length > 1) expect(held - perYear[shard.years.at(-1)!]!).toBeLessThan(min);
        expect(shard.dir).toBe(`pagefind/en-${shard.years.length === 1 ? shard.years[0] : `${shard.years[0]}-${shard.years.at(-1)}`}`);
      });
    }));
  });

  it('keeps every shard but the last one when articles are added to the newest year', () => {
    fc.assert(fc.property(yearCounts, fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 500 }), (perYear, min, added) => {
      const before = planShards(counts({ en: perYear }), min);
      const newest = Object.keys(perYear).sort().at(-1)!;
      const after = planShards(counts({ en: { ...perYear, [newest]: perYear[newest]! + added } }), min);
      expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    }));
  });

  it('lists the shards for the search page, bundle by bundle, as URL folders', () => {
    const plan = planShards(counts({ en: { '2020': 2, '2021': 2 }, ja: { '2021': 1 } }), 2);
    expect(shardManifest(plan)).toEqual({
      version: 1,
      bundles: [
        { language: 'en', shards: [{ path: '/pagefind/en-2020/', years: ['2020'] }, { path: '/pagefind/en-2021/', years: ['2021'] }] },
        { language: 'ja', shards: [{ path: '/pagefind/ja-2021/', years: ['2021'] }] },
      ],
    });
  });
});
