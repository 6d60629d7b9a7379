/**
 * XML output for feeds and sitemaps, through one library: `fast-xml-builder` (the builder
 * behind fast-xml-parser's `XMLBuilder`, which @astrojs/rss uses).
 *
 * Why not xmlbuilder2: it leaves text that already looks like an entity reference
 * unescaped (`AT&amp;T` is written as `AT&amp;T`, so a reader shows `AT&T`, and HTML
 * content holding `&lt;script&gt;` would reach a feed reader as a `<script>` element).
 * `fast-xml-builder` escapes every `&`, `<`, `>`, `'` and `"` exactly once.
 *
 * It silently drops a value holding a character that XML 1.0 forbids (most C0
 * controls), so {@link buildXml} refuses such values first, naming where they are.
 */
import XMLBuilder from 'fast-xml-builder';

/** An element tree in fast-xml-builder's object form: `@_name` attributes, `#text`, arrays for repeats. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | number | XmlNode | XmlNode[] | string[] | undefined;

/** Characters outside the XML 1.0 `Char` production (§2.2). */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Thrown when a value cannot be written as XML 1.0. */
export class XmlCharacterError extends Error {
  override name = 'XmlCharacterError';
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

function assertXmlChars(value: XmlValue, path: string): void {
  if (value === undefined || typeof value === 'number') return;
  if (typeof value === 'string') {
    const bad = NOT_XML_CHAR.exec(value);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new XmlCharacterError(`${path}: U+${code} cannot appear in XML 1.0 (in ${JSON.stringify(value.slice(0, 80))})`);
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertXmlChars(v, `${path}[${i}]`));
    return;
  }
  for (const [key, v] of Object.entries(value)) assertXmlChars(v, path ? `${path}/${key}` : key);
}

/**
 * Serialise an element tree. Keys starting with `?` are processing instructions
 * (`'?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }`); `undefined` values are skipped.
 * @throws {XmlCharacterError} if any text or attribute holds a character XML forbids.
 */
export function buildXml(root: XmlNode): string {
  assertXmlChars(root, '');
  return builder.build(root) as string;
}

/** The XML declaration every document starts with. */
export const XML_DECLARATION: XmlNode = { '@_version': '1.0', '@_encoding': 'UTF-8' };

/**
 * `text` escaped for XML character data, by the same builder: `&`, `<`, `>`, `'`, `"`.
 * @throws {XmlCharacterError} if `text` holds a character XML forbids.
 */
export function escapeXmlText(text: string): string {
  const wrapped = buildXml({ x: text });
  return wrapped === '<x/>' ? '' : wrapped.slice('<x>'.length, -'</x>'.length);
}
