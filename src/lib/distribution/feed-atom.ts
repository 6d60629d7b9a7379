/**
 * Atom 1.0 (RFC 4287) serialiser of the feed model.
 *
 * - feed: `id` = the Atom document's own URL, `title`, `subtitle`, `updated` (newest change
 *   among the entries), `link rel="self"`, `rel="alternate"` (the HTML page) and
 *   `rel="hub"` per WebSub hub, `author`
 *   (the publication, so entries without a byline are valid), `icon`, `logo`, `xml:lang`.
 * - entry: `id` = permalink (stable, docs/adr/0006-feed-ids.md), `title type="text"`
 *   (with `xml:lang` on title, summary and content when the article is in another language),
 *   `link rel="alternate"`, `published` = first publication, `updated` = last change (both
 *   RFC 3339 with the newsroom offset), `author` per byline name with its page as `uri`,
 *   `category` per topic, `summary type="text"` = standfirst, `content type="html"` = body.
 */
import type { FeedModel } from './feed-model.ts';
import { toZonedIsoString } from '../dates.ts';
import { buildXml, XML_DECLARATION, type XmlNode } from './xml.ts';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

/** Options of {@link buildAtomXml}. */
export interface AtomOptions {
  /** Root-relative URL of an XSL stylesheet for browsers, e.g. `/feed.xsl`. */
  stylesheet?: string | undefined;
}

/** The Atom 1.0 document of a feed model. */
export function buildAtomXml(model: FeedModel, options: AtomOptions = {}): string {
  const date = (d: Date) => toZonedIsoString(d, model.timeZone);
  const person = (p: { name: string; url: string }): XmlNode => ({ name: p.name, uri: p.url });
  const entries: XmlNode[] = model.items.map((item) => {
    // The language of an entry in another language goes on its text constructs, not on
    // <entry>: newsboat 2.21 silently drops entries whose xml:lang differs from the feed's.
    const lang = item.language ? { '@_xml:lang': item.language } : {};
    return {
      id: item.id,
      title: { ...lang, '@_type': 'text', '#text': item.title },
      link: [
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url },
        ...(item.image ? [{ '@_rel': 'enclosure', '@_type': item.image.type, '@_href': item.image.url, '@_length': String(item.image.bytes), '@_title': item.image.alt }] : []),
      ],
      published: date(item.published),
      updated: date(item.updated),
      ...(item.authors.length ? { author: item.authors.map(person) } : {}),
      ...(item.categories.length ? { category: item.categories.map((term) => ({ '@_term': term })) } : {}),
      summary: { ...lang, '@_type': 'text', '#text': item.summary },
      content: { ...lang, '@_type': 'html', '#text': item.contentHtml },
    };
  });
  const root: XmlNode = {
    '?xml': XML_DECLARATION,
    ...(options.stylesheet ? { '?xml-stylesheet': { '@_type': 'text/xsl', '@_href': options.stylesheet } } : {}),
    feed: {
      '@_xmlns': ATOM_NAMESPACE,
      '@_xml:lang': model.language,
      id: model.feedUrls.atom,
      title: { '@_type': 'text', '#text': model.title },
      subtitle: { '@_type': 'text', '#text': model.description },
      updated: date(model.updated),
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': model.feedUrls.atom },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': model.homePageUrl },
        ...model.hubs.map((hub) => ({ '@_rel': 'hub', '@_href': hub })),
      ],
      author: person(model.publisher),
      icon: model.images.smallLogo.url,
      logo: model.images.card.url,
      ...(entries.length ? { entry: entries } : {}),
    },
  };
  return buildXml(root);
}
