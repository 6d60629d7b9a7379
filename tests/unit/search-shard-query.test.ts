/**
 * Which shards answer a query (src/lib/search/shard-query.ts) and when a shard holds a
 * Chinese or Japanese term (src/lib/search/word-match.ts `marksCoverTerm`), with excerpts as
 * Pagefind writes them (escaped text, `<mark>`, zero-width spaces between segmented words).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shardsThatAnswer } from '../../src/lib/search/shard-query.ts';
import { holdsTerm, marksCoverTerm } from '../../src/lib/search/word-match.ts';

describe('shards that answer a query', () => {
  it('drops a shard that lacks a word another shard of its bundle holds ("Putin iodine": no page has both)', () => {
    // Terms: putin, iodine. Shard 0 holds only putin, shard 1 only iodine, shard 2 both.
    expect(shardsThatAnswer([[true, false], [false, true], [true, true]], ['en', 'en', 'en'])).toEqual([false, false, true]);
    expect(shardsThatAnswer([[true, false], [false, true]], ['en', 'en'])).toEqual([false, false]);
  });

  it('ignores a word no shard of the bundle holds, as Pagefind ignores it in one index ("government zzqxw")', () => {
    expect(shardsThatAnswer([[true, false], [false, false]], ['en', 'en'])).toEqual([true, false]);
  });

  it('judges each bundle on its own (a Japanese shard is not held to an English word)', () => {
    expect(shardsThatAnswer([[true, false], [false, true]], ['en', 'ja'])).toEqual([true, true]);
  });

  it('keeps a shard exactly when it holds a term and every term its bundle holds', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain((terms) => fc.array(fc.tuple(fc.constantFrom('en', 'ja'), fc.array(fc.boolean(), { minLength: terms, maxLength: terms })), { minLength: 1, maxLength: 8 })), (shards) => {
      const kept = shardsThatAnswer(shards.map(([, h]) => h), shards.map(([b]) => b));
      shards.forEach(([bundle, holds], i) => {
        const bundleHolds = holds.map((_, j) => shards.some(([b, h]) => b === bundle && h[j]));
        expect(kept[i]).toBe(holds.some(Boolean) && holds.every((h, j) => h || !bundleHolds[j]));
      });
      // A bundle of one shard keeps it whenever it holds any term (one index: nothing changes).
      if (shards.length === 1) expect(kept[0]).toBe(shards[0]![1].some(Boolean));
    }));
  });
});

describe('Chinese and Japanese terms', () => {
  it('are held when the excerpt marks the whole term, as one word or as adjacent segments', () => {
    expect(marksCoverTerm('はやぶさ', '小惑星探査機「<mark>はやぶさ</mark>」が帰還')).toBe(true);
    expect(marksCoverTerm('宮城県沖', '<mark>宮城</mark>\u200b<mark>県</mark>\u200b<mark>沖</mark>\u200bで\u200bマグニチュード')).toBe(true);
    expect(holdsTerm('地震', '東北\u200b各地\u200bで\u200b強い\u200b<mark>地震</mark>')).toBe(true);
  });

  it('are not held when only pieces of the term are marked apart (a shard without the word falls back)', () => {
    expect(marksCoverTerm('はやぶさ', '<mark>は</mark>\u200b強い\u200b揺れ\u200bが\u200b続き\u200b<mark>さ</mark>\u200bらに')).toBe(false);
    expect(holdsTerm('はやぶさ', '<mark>は</mark>\u200bや\u200bぶ\u200b<mark>さ</mark>')).toBe(false);
    expect(marksCoverTerm('地震', '地震\u200bの\u200b<mark>地</mark>')).toBe(false);
  });
});
