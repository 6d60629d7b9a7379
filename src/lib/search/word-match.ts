/**
 * Telling Pagefind's real matches from its fallback. When the stem of a search term is not in
 * the index, Pagefind (1.x, since pagefind/pagefind#315; no option turns it off, #780) searches
 * for the longest prefix that is: "DRAFTWORDZEBRA", a word only a draft has, comes back as
 * matches for "drafts". A story then seems to contain a word it does not, and a word of an
 * unpublished story appears to find something. The search index is cut into shards
 * (src/lib/search/shards.ts), and a shard that lacks a word another shard holds falls back
 * too ("Putin" came back from an old shard as "putting").
 *
 * The rule is Pagefind's own matching: Pagefind stores the stem of every word (Snowball
 * English, `rust-stemmers`, in the English bundle; no stemming in the Japanese bundle, whose
 * index language has no stemmer) and finds the words whose stem starts with the stem of the
 * term (its prefix search: "Kunash" → "Kunashiri"; stemming: "elections" ↔ "elected",
 * "countries" ↔ "country"). So a marked word is a real match when its stem starts with the
 * term's stem, and a fallback when it does not. The stems are taken here with Porter2
 * (`wink-porter2-stemmer`), the algorithm Snowball English implements. Terms in Chinese or
 * Japanese script are left to Pagefind (its Japanese bundle segments text).
 */
import porter2 from 'wink-porter2-stemmer';

/** Letters and digits of `word`, lower-cased (NFC) and without Latin accents, as Pagefind compares them. */
export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').toLocaleLowerCase('en').replace(/[^\p{L}\p{N}]+/gu, '');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A stemmer: a normalised word → its stem. */
export type Stemmer = (word: string) => string;

const unstemmed: Stemmer = (word) => word;

/**
 * The stemmer Pagefind uses for a bundle's index language (src/integrations/search-index.ts
 * `SEARCH_BUNDLES`): Porter2 for `en`, none for any other (the Japanese bundle).
 */
export function stemmerFor(language: string): Stemmer {
  return language === 'en' ? porter2 : unstemmed;
}

/**
 * Whether `marked` (a word Pagefind highlighted) is a real match of the search term `term`
 * in an index stemmed with `stem` (default: English), by the rule in the module comment. Both
 * are compared after {@link normaliseWord}.
 */
export function isRealMatch(term: string, marked: string, stem: Stemmer = porter2): boolean {
  const t = normaliseWord(term);
  if (t === '' || CJK.test(t)) return true;
  return stem(normaliseWord(marked)).startsWith(stem(t));
}

/** The search terms of a query as Pagefind splits them (on white space), normalised, without empties. */
export function searchTerms(query: string): string[] {
  return query.split(/\s+/).map(normaliseWord).filter((t) => t !== '');
}

/**
 * The stems a marked token stands for: the token as one word ("Putin's" → "putin") and each
 * of its parts between punctuation ("M.Sc." → "m", "sc"; Pagefind indexes both forms, so a
 * fallback to "sc" marks "M.Sc.").
 */
function markedStems(token: string, stem: Stemmer): string[] {
  const parts = token.split(/[^\p{L}\p{N}]+/u).map(normaliseWord).filter((w) => w !== '');
  const whole = normaliseWord(token);
  return [...new Set([whole, ...parts].filter((w) => w !== '').map(stem))];
}

/**
 * How much of the Chinese or Japanese term `term` a Pagefind excerpt (escaped text with
 * `<mark>` only) shows found: the length, in UTF-16 code units, of the longest start of the
 * term that appears in the excerpt's text (zero-width spaces, which Pagefind puts between
 * segmented words, removed) wholly inside marks. Pagefind segments Japanese and falls back to
 * the longest start of a word it holds: the shard with はやぶさ marks はや (2), a shard without it
 * marks は (1), so the shard with the longest match is the one that holds the word.
 */
export function markedPrefixLength(term: string, excerpt: string): number {
  const t = normaliseWord(term);
  let text = '';
  const marked: boolean[] = [];
  for (const part of excerpt.split(/(<mark>[^<]*<\/mark>)/)) {
    const inMark = part.startsWith('<mark>');
    const plain = normaliseWord(inMark ? part.slice(6, -7) : part.replace(/<[^>]*>/g, ''));
    text += plain;
    for (let i = 0; i < plain.length; i++) marked.push(inMark);
  }
  let longest = 0;
  for (let at = 0; at < text.length; at++) {
    let k = 0;
    while (k < t.length && at + k < text.length && text[at + k] === t[k] && marked[at + k]) k++;
    longest = Math.max(longest, k);
  }
  return longest;
}

/**
 * How strongly the best result of a search for the single term `term` in one index shard (its
 * excerpt `excerpt`; stemmer `stem` of the shard's bundle) shows the shard holds it: for a
 * Latin-script term 1 when the stem rule finds it (at least one
 * marked word whose stem starts with the term's) and 0 for a fallback; for a term in Chinese or
 * Japanese script {@link markedPrefixLength}. Of a bundle's shards, those with the greatest
 * strength hold the term (src/lib/search/shard-query.ts).
 */
export function termStrength(term: string, excerpt: string, stem: Stemmer = porter2): number {
  if (CJK.test(term)) return markedPrefixLength(term, excerpt);
  const t = stem(normaliseWord(term));
  if (t === '') return 1;
  return markedWords(excerpt).flatMap((w) => markedStems(w, stem)).some((w) => w.startsWith(t)) ? 1 : 0;
}

/** The contents of the `<mark>` elements of a Pagefind excerpt (escaped text with `<mark>` only). */
export function markedWords(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? '');
}
