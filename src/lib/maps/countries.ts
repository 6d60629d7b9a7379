/**
 * Country codes and names for locator maps. Content names a country by its ISO 3166-1
 * alpha-2 code (`JP`, `RU`); the atlas keys countries by ISO 3166-1 numeric code. The code
 * tables come from `i18n-iso-countries` (which follows ISO 3166-1).
 *
 * Names on a map are short map names: the translations file's `country.<CODE>` in
 * `src/i18n/<lang>.json` when it has one (the short forms a map wants: ロシア rather than
 * ロシア連邦, "United States" rather than Natural Earth's "United States of America"), else in
 * English Natural Earth's `name` (the names its cartographers chose for maps: "Russia",
 * "S. Korea") and in another language the ISO name in that language, else English.
 */
import countries from 'i18n-iso-countries';
import en from '../../i18n/en.json' with { type: 'json' };
import ja from '../../i18n/ja.json' with { type: 'json' };

const TRANSLATIONS: Readonly<Record<string, Partial<Record<string, string>>>> = { en, ja };

/** Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** ISO numeric id (as the atlas writes it, `'392'`) of an alpha-2 code, or undefined. */
export function numericOf(alpha2: string): string | undefined {
  return isCountryCode(alpha2) ? countries.alpha2ToNumeric(alpha2) : undefined;
}

/** Alpha-2 code of an atlas id, or undefined. */
export function alpha2Of(numeric: string | undefined): string | undefined {
  return numeric === undefined ? undefined : countries.numericToAlpha2(numeric);
}

/**
 * The map name of a country in language `lang` (a primary subtag: `en`, `ja`).
 * @param numeric - atlas id; @param englishName - Natural Earth's name of the feature.
 */
export function countryName(numeric: string | undefined, englishName: string, lang: string): string {
  const alpha2 = alpha2Of(numeric);
  if (!alpha2) return englishName;
  const short = TRANSLATIONS[lang]?.[`country.${alpha2}`];
  if (short) return short;
  return lang === 'en' ? englishName : countries.getName(alpha2, lang) ?? englishName;
}
