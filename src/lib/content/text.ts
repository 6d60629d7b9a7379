/**
 * Character rules for editor text. Every field ends up in XML (RSS, Atom, sitemaps) as well
 * as HTML and JSON, so text is limited to what XML 1.0 can carry (the `Char` production,
 * https://www.w3.org/TR/xml/#charsets): no C0 controls other than tab, line feed and
 * carriage return, no lone surrogates, no U+FFFE/U+FFFF. Single-line fields (headline,
 * names…) also refuse line breaks, C1 controls and the Unicode bidi embedding, override and
 * isolate controls (U+202A–U+202E, U+2066–U+2069; UAX #9), which can reorder the text
 * around them where it is shown; pages set `dir` from the language tag instead.
 */

/** Characters XML 1.0 forbids (the complement of `Char`), lone surrogates included. */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** Also refused in single-line fields: line breaks, C1 controls, bidi embedding/override/isolate controls. */
// eslint-disable-next-line no-control-regex
const NOT_SINGLE_LINE = /[\t\n\r\u0080-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** `U+0007` style name of a code point. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return `a lone surrogate (${codePointName(ch)}), which is not a character`;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return `the bidi control ${codePointName(ch)}, which can reorder the text around it (the page sets the direction from lang)`;
  if (cp === 0x0a || cp === 0x0d || cp === 0x2028 || cp === 0x2029) return `a line break (${codePointName(ch)}) in a one-line field`;
  if (cp === 0x09) return 'a tab in a one-line field';
  return `the control character ${codePointName(ch)}, which XML 1.0 (feeds, sitemaps) cannot carry`;
}

/**
 * The first problem with `text`, as a message, or `null` when it is fine.
 * @param singleLine - also refuse line breaks, tabs, C1 and bidi controls.
 */
export function explainTextProblem(text: string, { singleLine }: { singleLine: boolean }): string | null {
  const bad = NOT_XML_CHAR.exec(text) ?? (singleLine ? NOT_SINGLE_LINE.exec(text) : null);
  return bad ? `contains ${describe(bad[0])}: delete it` : null;
}

/**
 * Problems with the characters of a multi-line text (an article body), with their 1-based
 * line in `text`. One problem per offending line.
 */
export function findTextProblems(text: string): { line: number; message: string }[] {
  if (!NOT_XML_CHAR.test(text)) return [];
  const out: { line: number; message: string }[] = [];
  text.split('\n').forEach((line, i) => {
    const message = explainTextProblem(line, { singleLine: false });
    if (message) out.push({ line: i + 1, message });
  });
  return out;
}
