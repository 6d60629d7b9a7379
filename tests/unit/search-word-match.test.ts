import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealMatch, markedWords, showsRealMatches } from '../../src/lib/search/word-match.ts';

describe('real matches versus Pagefind fallback prefixes', () => {
  it.each([
    ['Kunashiri', 'Kunashiri'], ['kunash', 'Kunashiri'], ['elections', 'elected'], ['countries', 'country'],
    ['runs', 'running'], ['Putin', "Putin's"], ['investigations', 'investigate'], ['policy', 'policies'],
  ])('"%s" is really found as "%s"', (term, marked) => expect(isRealMatch(term, marked)).toBe(true));

  it.each([
    ['DRAFTWORDZEBRA', 'drafts'], ['EMBARGOWORDQUAGGA', 'embargo'], ['ark', 'ar'], ['orchid', 'or'], ['sdafadsfasdf', 'sd'], ['document', 'doc'],
  ])('"%s" marked as "%s" is a fallback stub', (term, marked) => expect(isRealMatch(term, marked)).toBe(false));

  it('judges a result by the marks of its excerpt, term by term', () => {
    const excerpt = 'their <mark>drafts</mark> and the <mark>Onion</mark> staff';
    expect(markedWords(excerpt)).toEqual(['drafts', 'Onion']);
    expect(showsRealMatches('DRAFTWORDZEBRA', markedWords(excerpt))).toBe(false);
    expect(showsRealMatches('onion DRAFTWORDZEBRA', markedWords(excerpt))).toBe(false);
    expect(showsRealMatches('onion drafts', markedWords(excerpt))).toBe(true);
    // A term the excerpt does not show is not held against the result.
    expect(showsRealMatches('onion satire', markedWords(excerpt))).toBe(true);
    expect(showsRealMatches('地震', ['地震'])).toBe(true);
  });

  it('any word is a real match of itself and of each of its prefixes (Pagefind extends prefixes)', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }).filter((w) => /^[a-z]+$/.test(w)), fc.nat(), (word, cut) => {
      const prefix = word.slice(0, 1 + (cut % word.length));
      expect(isRealMatch(word, word)).toBe(true);
      expect(isRealMatch(prefix, word)).toBe(true);
    }));
  });

  it('a stub of a term missing more than four of its letters never counts as found', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{6,20}$/), fc.nat(), fc.stringMatching(/^[a-z]{0,3}$/), (term, cut, ending) => {
      const stub = term.slice(0, Math.max(1, term.length - 5 - (cut % Math.max(1, term.length - 5))));
      fc.pre(!`${stub}${ending}`.startsWith(term) && term[stub.length] !== ending[0]);
      expect(isRealMatch(term, `${stub}${ending}`)).toBe(false);
    }));
  });
});
