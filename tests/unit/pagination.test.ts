import { describe, expect, it } from 'vitest';
import { pageParam, paginate } from '../../src/lib/pages/pagination.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('splits 45 items into pages of 20, 20 and 5', () => {
    const pages = paginate(range(45), 20);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.last === 3)).toBe(true);
  });

  it('keeps the order and loses no item', () => {
    const items = range(45);
    expect(paginate(items, 20).flatMap((p) => p.items)).toEqual(items);
    expect(paginate(items, 20)[1]!.items[0]).toBe(21);
  });

  it('makes no empty trailing page when the count is an exact multiple', () => {
    const pages = paginate(range(40), 20);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.items).toHaveLength(20);
  });

  it('gives one page when everything fits', () => {
    expect(paginate(range(3), 20)).toEqual([{ number: 1, last: 1, items: [1, 2, 3] }]);
  });

  it('still gives one empty page for an empty list, so the listing URL exists', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, last: 1, items: [] }]);
  });

  it('does not change the input', () => {
    const items = range(5);
    paginate(items, 2);
    expect(items).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([[0], [-1], [2.5], [Number.NaN]])('throws a RangeError for page size %s', (size) => {
    expect(() => paginate(range(5), size)).toThrow(RangeError);
    expect(() => paginate(range(5), size)).toThrow(`page size must be a positive integer, got ${size}`);
  });
});

describe('pageParam', () => {
  it('is undefined for page 1, so the first page has the bare URL', () => {
    expect(pageParam(1)).toBeUndefined();
  });

  it('is the page number as a string from page 2 on', () => {
    expect(pageParam(2)).toBe('2');
    expect(pageParam(12)).toBe('12');
  });
});
