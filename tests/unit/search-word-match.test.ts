import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealMatch, markedWords, stemmerFor, termStrength } from '../../src/lib/search/word-match.ts';

describe('real matches versus Pagefind fallback prefixes', () => {
  it.each([
    ['Kunashiri', 'Kunashiri'], ['kunash', 'Kunashiri'], ['elections', 'elected'], ['countries', 'country'],
    ['runs', 'running'], ['Putin', "Putin's"], ['investigations', 'investigate'], ['policy', 'policies'],
    ['generalizations', 'general'], ['cafe', 'Café'],
  ])('"%s" is really found as "%s"', (term, marked) => expect(isRealMatch(term, marked)).toBe(true));

  it.each([
    ['DRAFTWORDZEBRA', 'drafts'], ['EMBARGOWORDQUAGGA', 'embargo'], ['ark', 'ar'], ['orchid', 'or'], ['sdafadsfasdf', 'sd'], ['document', 'doc'],
    // A shard without "Putin" falls back to "put" (src/lib/search/shards.ts).
    ['Putin', 'putting'], ['Putin', 'put'],
  ])('"%s" marked as "%s" is a fallback stub', (term, marked) => expect(isRealMatch(term, marked)).toBe(false));

  it('does not stem in an index without a stemmer (the Japanese bundle)', () => {
    const none = stemmerFor('ja');
    expect(isRealMatch('runs', 'running', none)).toBe(false);
    expect(isRealMatch('run', 'running', none)).toBe(true);
    expect(isRealMatch('runs', 'running', stemmerFor('en'))).toBe(true);
  });

  it('judges the best result of a one-term search by the marks of its excerpt (1: held, 0: a fallback)', () => {
    const excerpt = 'their <mark>drafts</mark> and the Onion staff';
    expect(markedWords(excerpt)).toEqual(['drafts']);
    expect(termStrength('DRAFTWORDZEBRA', excerpt)).toBe(0);
    expect(termStrength('drafts', excerpt)).toBe(1);
    expect(termStrength('draft', excerpt)).toBe(1);
    expect(termStrength('Putin', 'accused of <mark>putting</mark> their social life')).toBe(0);
    // A fallback to "sc" marks the whole token "M.Sc."; "Putin's" is Putin.
    expect(termStrength('Scientology', 'an internship for my <mark>M.Sc.</mark> studies')).toBe(0);
    expect(termStrength('Putin', '<mark>Putin’s</mark> visit')).toBe(1);
    // No mark at all is no evidence that the shard holds the term.
    expect(termStrength('Putin', 'a passage without marks')).toBe(0);
  });

  const word = fc.stringMatching(/^[a-z]{1,20}$/);
  const stem = stemmerFor('en');

  it('any word is a real match of itself, and of every prefix of its stem that is a stem itself (Pagefind extends prefixes of stems)', () => {
    fc.assert(fc.property(word, fc.nat(), (w, cut) => {
      expect(isRealMatch(w, w)).toBe(true);
      const s = stem(w);
      const prefix = s.slice(0, 1 + (cut % s.length));
      fc.pre(stem(prefix) === prefix);
      expect(isRealMatch(prefix, w)).toBe(true);
    }));
  });

  it('a word whose stem is a stub of the term\'s stem never counts as found', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{3,20}$/), fc.nat(), fc.stringMatching(/^[a-z]{0,3}$/), (term, cut, ending) => {
      const t = stem(term);
      const stub = `${t.slice(0, cut % t.length)}${ending}`;
      fc.pre(stub !== '' && !stem(stub).startsWith(t));
      expect(isRealMatch(term, stub)).toBe(false);
      expect(termStrength(term, `a <mark>${stub}</mark> b`)).toBe(0);
    }));
  });
});
