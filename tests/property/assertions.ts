/** Assertions shared by the property tests. */
import { expect } from 'vitest';
import { parseDocument, DomUtils } from 'htmlparser2';
import { urlScheme, ALLOWED_SCHEMES } from '../../src/lib/body/html-policy.ts';

/** Every URL-valued attribute in `html` uses an allowed scheme, and there is no script element. */
export function assertSafeHtml(html: string, where: string): void {
  const doc = parseDocument(html);
  const scripts = DomUtils.findAll((el) => el.name === 'script' && el.attribs['type'] !== 'application/ld+json', doc.children);
  expect(scripts.length, `${where}: script element`).toBe(0);
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    for (const [name, value] of Object.entries(el.attribs)) {
      expect(name.startsWith('on'), `${where}: event handler ${name}`).toBe(false);
      if (['href', 'src', 'cite', 'action', 'formaction', 'poster'].includes(name)) {
        const scheme = urlScheme(value);
        expect(scheme === null || ALLOWED_SCHEMES.includes(scheme), `${where}: ${name}="${value}"`).toBe(true);
      }
    }
  }
}
