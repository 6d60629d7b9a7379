/**
 * Page furniture in the article's language: one translations file per language in
 * `src/i18n/<lang>.json` (flat dotted keys, as Starlight's `translations/`), English the
 * fallback for a missing key or language. Section names are `section.<id>`; without a
 * translation the configured name is used.
 */
import en from '../i18n/en.json' with { type: 'json' };
import ja from '../i18n/ja.json' with { type: 'json' };
import type { DisplayOptions } from './dates.ts';

/** Every key of the English file: the full set of strings. */
export type MessageKey = keyof typeof en;

const TRANSLATIONS: Readonly<Record<string, Partial<Record<string, string>>>> = { en, ja };

/** A translator for one language. */
export interface Translator {
  /** Primary language subtag the strings are in (`en`, `ja`): the `lang` to put on furniture. */
  lang: string;
  /** The string for `key`, English when this language lacks it. */
  (key: MessageKey): string;
  /** Name of a section in this language, else `fallback` (the configured name). */
  section(id: string, fallback: string): string;
}

/**
 * The translator for a BCP 47 tag (`ja`, `en-GB`, `ja-JP`; undefined: the site language
 * `siteLanguage`), by its primary subtag; a language without a file gets English.
 */
export function translator(tag: string | undefined, siteLanguage: string): Translator {
  const primary = new Intl.Locale(tag ?? siteLanguage).language;
  const lang = primary in TRANSLATIONS ? primary : 'en';
  const table = TRANSLATIONS[lang]!;
  const t = ((key: MessageKey) => table[key] ?? en[key]) as Translator;
  t.lang = lang;
  t.section = (id, fallback) => table[`section.${id}`] ?? fallback;
  return t;
}

/**
 * Date display options for furniture in language `tag`: the newsroom zone and label stay,
 * the locale becomes the language's (the site locale, e.g. `en-GB`, for English).
 */
export function displayOptionsFor(tag: string | undefined, base: DisplayOptions): DisplayOptions {
  const primary = new Intl.Locale(tag ?? base.locale).language;
  return primary === new Intl.Locale(base.locale).language ? base : { ...base, locale: primary };
}
