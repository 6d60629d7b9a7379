/**
 * Which shards answer a query (src/lib/search/shard-query.ts) and when a shard holds a
 * Chinese or Japanese term (src/lib/search/word-match.ts `marksCoverTerm`), with excerpts as
 * Pagefind writes them (escaped text, `<mark>`, zero-width spaces between segmented words).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shardsThatAnswer } from '../../src/lib/search/shard-query.ts';
import { markedPrefixLength, termStrength } from '../../src/lib/search/word-match.ts';

describe('shards that answer a query', () => {
  it('drops a shard that lacks a word another shard of its bundle holds ("Putin iodine": no page has both)', () => {
    // Terms: putin, iodine. Shard 0 holds only putin, shard 1 only iodine, shard 2 both.
    expect(shardsThatAnswer([[1, 0], [0, 1], [1, 1]], ['en', 'en', 'en'])).toEqual([false, false, true]);
    expect(shardsThatAnswer([[1, 0], [0, 1]], ['en', 'en'])).toEqual([false, false]);
  });

  it('ignores a word no shard of the bundle holds, as Pagefind ignores it in one index ("government zzqxw")', () => {
    expect(shardsThatAnswer([[1, 0], [0, 0]], ['en', 'en'])).toEqual([true, false]);
  });

  it('judges each bundle on its own (a Japanese shard is not held to an English word)', () => {
    expect(shardsThatAnswer([[1, 0], [0, 1]], ['en', 'ja'])).toEqual([true, true]);
  });

  it('takes, of a bundle\'s shards, those with the longest match of a Japanese term (はやぶさ marked はや beats は)', () => {
    expect(shardsThatAnswer([[2], [1], [0]], ['ja', 'ja', 'ja'])).toEqual([true, false, false]);
  });

  it('keeps a shard exactly when it holds a term with its bundle\'s greatest strength, and every term its bundle holds', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 4 }).chain((terms) => fc.array(fc.tuple(fc.constantFrom('en', 'ja'), fc.array(fc.nat(3), { minLength: terms, maxLength: terms })), { minLength: 1, maxLength: 8 })), (shards) => {
      const kept = shardsThatAnswer(shards.map(([, h]) => h), shards.map(([b]) => b));
      shards.forEach(([bundle, row], i) => {
        const max = row.map((_, j) => Math.max(...shards.filter(([b]) => b === bundle).map(([, h]) => h[j]!)));
        const holds = row.map((v, j) => v > 0 && v === max[j]);
        expect(kept[i]).toBe(holds.some(Boolean) && holds.every((h, j) => h || max[j] === 0));
      });
      // A bundle of one shard keeps it whenever it holds any term (one index: nothing changes).
      if (shards.length === 1) expect(kept[0]).toBe(shards[0]![1].some((v) => v > 0));
    }));
  });
});

describe('Chinese and Japanese terms', () => {
  it('are measured by the longest start of the term the excerpt marks, as one word or as adjacent segments', () => {
    expect(markedPrefixLength('はやぶさ', '小惑星探査機「<mark>はやぶさ</mark>」が帰還')).toBe(4);
    // As Pagefind marks the Hayabusa story: only はや of はやぶさ.
    expect(markedPrefixLength('はやぶさ', '様だと発表した。 <mark>はや</mark>ぶさは12日、イトカワへ')).toBe(2);
    expect(markedPrefixLength('宮城県沖', '<mark>宮城</mark>\u200b<mark>県</mark>\u200b<mark>沖</mark>\u200bで')).toBe(4);
    expect(termStrength('地震', '東北\u200b各地\u200bで\u200b強い\u200b<mark>地震</mark>')).toBe(2);
  });

  it('count only the start of the term: a shard without the word falls back to a piece of it', () => {
    // As Pagefind marks the Miyagi earthquake story for はやぶさ, in a shard without the word.
    expect(markedPrefixLength('はやぶさ', '<mark>は</mark>同日23時36分(UTC+9)、震源の深さ')).toBe(1);
    expect(markedPrefixLength('地震', '地震\u200bの\u200b<mark>震</mark>')).toBe(0);
    expect(markedPrefixLength('地震', '地震の話')).toBe(0);
  });
});
