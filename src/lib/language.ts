/**
 * The one language-tag rule. Site, article, topic and author languages are BCP 47 tags
 * (RFC 5646) in the simple shape `language(-subtag)*`: a 2–3 letter ISO 639 language,
 * then subtags of 2–8 letters or digits (script, region, variant), e.g. `en-GB`, `ja`,
 * `zh-Hant-HK`, `ar`. The tag must also be one `Intl.Locale` accepts.
 */

/** Shape of a language tag Dateline accepts. */
export const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** Whether `tag` is a language tag Dateline accepts. */
export function isLanguageTag(tag: string): boolean {
  if (!LANGUAGE_TAG_PATTERN.test(tag)) return false;
  try {
    new Intl.Locale(tag);
    return true;
  } catch {
    return false;
  }
}

/** Scripts written right to left (ISO 15924), for tags whose script is given. */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr', 'yezi']);
/** Languages written right to left in their default script (CLDR likely subtags). */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr', 'ks', 'prs', 'arc', 'nqo']);

/**
 * The writing direction of a language tag: `rtl` for Arabic, Hebrew, Persian, Urdu… (by
 * the script subtag when given, `az-Arab`; else by the language), `ltr` otherwise.
 * Uses `Intl.Locale#getTextInfo` (CLDR) where the runtime has it.
 */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { getTextInfo?: () => { direction?: string } };
    const direction = locale.getTextInfo?.().direction;
    if (direction === 'rtl' || direction === 'ltr') return direction;
    const script = locale.script?.toLowerCase();
    if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
    return RTL_LANGUAGES.has(locale.language.toLowerCase()) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** `dir` attribute value for an element in `tag` inside a page in `pageTag`: only set when it differs. */
export function dirAttribute(tag: string | undefined, pageTag: string): 'ltr' | 'rtl' | undefined {
  if (!tag) return undefined;
  const dir = textDirection(tag);
  return dir !== textDirection(pageTag) ? dir : undefined;
}
