/**
 * Telling Pagefind's real matches from its fallback. When the stem of a search term is not in
 * the index, Pagefind (1.x, since pagefind/pagefind#315; no option turns it off, #780) searches
 * for the longest prefix that is: "DRAFTWORDZEBRA", a word only a draft has, comes back as
 * matches for "drafts". A story then seems to contain a word it does not, and a word of an
 * unpublished story appears to find something.
 *
 * The rule: a term was really found when a word Pagefind marked in the result starts with the
 * term (Pagefind's prefix search: "Kunash" → "Kunashiri"), or shares with it all but its last
 * four letters and at least three (English stemming: "elections" ↔ "elected", "countries" ↔
 * "country", "runs" ↔ "running"). A fallback match keeps only a stub of the term
 * ("draft" of "draftwordzebra"). Terms in Chinese or Japanese script are left to Pagefind (its
 * Japanese bundle segments text; the rule is about Latin-script stemming).
 */

/** Letters and digits of `word`, lower-cased (NFC), as Pagefind compares them. */
export function normaliseWord(word: string): string {
  return word.normalize('NFC').toLocaleLowerCase('en').replace(/[^\p{L}\p{N}]+/gu, '');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Letters a stemmed match may differ by at the end of the term (Snowball English suffixes). */
const STEM_SLACK = 4;
/** Letters a stemmed match must share with the term at least. */
const MIN_SHARED = 3;

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether `marked` (a word Pagefind highlighted) is a real match of the search term `term`,
 * by the rule in the module comment. Both are compared after {@link normaliseWord}.
 */
export function isRealMatch(term: string, marked: string): boolean {
  const t = normaliseWord(term);
  const w = normaliseWord(marked);
  if (t === '' || CJK.test(t)) return true;
  if (w.startsWith(t)) return true;
  const shared = sharedPrefix(t, w);
  return shared >= Math.min(t.length, MIN_SHARED) && shared >= t.length - STEM_SLACK;
}

/** The search terms of a query as Pagefind splits them (on white space), normalised, without empties. */
export function searchTerms(query: string): string[] {
  return query.split(/\s+/).map(normaliseWord).filter((t) => t !== '');
}

/**
 * Whether the words Pagefind marked in a result (`<mark>` contents of its excerpt) show every
 * Latin-script term of `query` really found. A term none of whose candidates is marked in the
 * excerpt (the excerpt shows one passage) does not count against the result; a term whose
 * only marked candidates are fallback stubs does. Pagefind falls back per term and per index,
 * so one fallback term in the best result means the whole query matches nothing in that index.
 */
export function showsRealMatches(query: string, markedWords: readonly string[]): boolean {
  const marked = markedWords.map(normaliseWord).filter((w) => w !== '');
  return searchTerms(query).every((term) => {
    if (CJK.test(term)) return true;
    const candidates = marked.filter((w) => sharedPrefix(term, w) > 0);
    return candidates.length === 0 || candidates.some((w) => isRealMatch(term, w));
  });
}

/** The contents of the `<mark>` elements of a Pagefind excerpt (escaped text with `<mark>` only). */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? '');
}
