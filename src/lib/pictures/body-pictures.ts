/**
 * Body pictures in the HTML pages and feeds show (docs/adr/0014-pictures.md). The cached body
 * keeps the editor's `<img src="./chart.png" alt="…">`; here each such image whose `src` the
 * pictures stage resolved becomes the shared picture markup (`markup.ts`):
 *
 * - an image alone in its paragraph (`![alt](./chart.png "Caption")` on its own line) becomes a
 *   `<figure>`, its Markdown title the caption;
 * - an image inside text becomes a `<picture>` in place.
 *
 * Every body picture loads lazily. Pages and feeds both call this (through `bodyHtml` in
 * `src/lib/content/queries.ts`), so they show the same markup.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import render from 'dom-serializer';
import type { BodyPicture } from './model.ts';
import { figureHtml, pictureHtml, PICTURE_SIZES } from './markup.ts';

/**
 * `html` with its local images replaced by their pictures. Returns `html` unchanged when
 * the article has no body pictures.
 * @param pictures - by `src` as written (the article's `bodyPictures`).
 */
export function withBodyPictures(html: string, pictures: Readonly<Record<string, BodyPicture>> | undefined): string {
  if (!pictures || !Object.keys(pictures).length) return html;
  const doc = parseDocument(html);
  const images = DomUtils.findAll((el) => el.name === 'img' && el.attribs['src'] !== undefined && Object.hasOwn(pictures, el.attribs['src']), doc.children);
  for (const img of images) {
    const picture = pictures[img.attribs['src']!]!;
    const alt = img.attribs['alt'] ?? '';
    const title = img.attribs['title'];
    const parent = img.parent as Element | null;
    const alone = parent?.type === 'tag' && parent.name === 'p' && parent.children.every((c) => c === img || (c.type === 'text' && !c.data.trim()));
    if (alone) {
      const markup = figureHtml(picture.full, { alt, sizes: PICTURE_SIZES.article, priority: 'lazy', caption: title, className: 'body-picture' });
      replace(parent, markup);
    } else replace(img, pictureHtml(picture.full, { alt, title, sizes: PICTURE_SIZES.article, priority: 'lazy' }));
  }
  return render(doc.children, { encodeEntities: 'utf8' });
}

function replace(node: ChildNode, markup: string): void {
  const nodes = parseDocument(markup).children;
  let previous: ChildNode = node;
  for (const n of nodes) {
    DomUtils.append(previous, n);
    previous = n;
  }
  DomUtils.removeElement(node);
}
