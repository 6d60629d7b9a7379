import { describe, expect, it } from 'vitest';
import { formatByline } from '../../src/lib/byline.ts';

describe('formatByline', () => {
  it('is null when there are no authors (no personal byline)', () => {
    expect(formatByline([])).toBeNull();
  });

  it('is the name alone for one author', () => {
    expect(formatByline([{ name: 'Wikinews contributors' }])).toBe('Wikinews contributors');
  });

  it('joins two names with "and"', () => {
    expect(formatByline([{ name: 'Jane Doe' }, { name: 'John Roe' }])).toBe('Jane Doe and John Roe');
  });

  it('joins three or more with commas and a final "and", without an Oxford comma', () => {
    expect(formatByline([{ name: 'A' }, { name: 'B' }, { name: 'C' }])).toBe('A, B and C');
    expect(formatByline([{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }])).toBe('A, B, C and D');
  });

  it('keeps names exactly as written, including Japanese names and ampersands', () => {
    expect(formatByline([{ name: '山田 太郎' }, { name: 'Smith & Co' }])).toBe('山田 太郎 and Smith & Co');
  });
});
