import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRealMatch, markedWords, showsRealMatches, stemmerFor } from '../../src/lib/search/word-match.ts';

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

  it('judges a result by the marks of its excerpt, term by term', () => {
    const excerpt = 'their <mark>drafts</mark> and the <mark>Onion</mark> staff';
    expect(markedWords(excerpt)).toEqual(['drafts', 'Onion']);
    expect(showsRealMatches('DRAFTWORDZEBRA', markedWords(excerpt))).toBe(false);
    expect(showsRealMatches('onion DRAFTWORDZEBRA', markedWords(excerpt))).toBe(false);
    expect(showsRealMatches('onion drafts', markedWords(excerpt))).toBe(true);
    expect(showsRealMatches('onion draft', markedWords(excerpt))).toBe(true);
    // A term the excerpt does not show is not held against the result.
    expect(showsRealMatches('onion satire', markedWords(excerpt))).toBe(true);
    expect(showsRealMatches('Putin', markedWords('accused of <mark>putting</mark> their social life'))).toBe(false);
    // A fallback to "sc" marks the whole token "M.Sc."; "Putin's" is Putin.
    expect(showsRealMatches('Scientology', markedWords('an internship for my <mark>M.Sc.</mark> studies'))).toBe(false);
    expect(showsRealMatches('Putin', markedWords('<mark>Putin’s</mark> visit'))).toBe(true);
    expect(showsRealMatches('地震', ['地震'])).toBe(true);
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
      expect(showsRealMatches(term, [stub])).toBe(!(stem(stub)[0] === t[0]));
    }));
  });
});
