/**
 * Article body HTML made fit for a feed: feed readers show it out of the site's context,
 * so every link and media URL must be absolute, and nothing Astro meant to fill in later
 * may be left in it.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import render from 'dom-serializer';

/** Attributes whose value is one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'poster', 'longdesc'] as const;
/** Attributes whose value is a list of `URL descriptor` candidates. */
const SRCSET_ATTRIBUTES = ['srcset'] as const;

/** Thrown when body HTML still holds a placeholder of Astro's pipeline. */
export class FeedContentError extends Error {
  override name = 'FeedContentError';
}

/**
 * Astro leaves `<img __ASTRO_IMAGE_="…">` in `entry.rendered.html` for local images
 * (ASTRO7.md §2); it is only resolved when the page renders. A feed must never carry one.
 */
const PLACEHOLDER = /__ASTRO_[A-Z_]+/;

function absolutise(value: string, baseUrl: string): string {
  const trimmed = value.trim();
  if (trimmed === '') return value;
  try {
    return new URL(trimmed, baseUrl).href;
  } catch {
    return value;
  }
}

function absolutiseSrcset(value: string, baseUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
      return [absolutise(url, baseUrl), ...descriptors].join(' ');
    })
    .join(', ');
}

/**
 * Rewrite root-relative, relative and fragment-only URLs (`href`, `src`, `srcset`, `cite`,
 * `poster`) to absolute ones, resolved against the article's own URL, so `/topics/x/`
 * becomes `https://site/topics/x/` and `#note` becomes `https://site/articles/a/#note`.
 * Absolute, `mailto:` and `tel:` URLs are kept as they are. Text is re-encoded with
 * UTF-8 characters kept and only `&`, `<`, `>` and quotes escaped.
 *
 * @param html - sanitised body HTML (`entry.rendered.html`).
 * @param baseUrl - absolute URL of the article page.
 * @param label - what the HTML is (file name), for the error message.
 * @throws {FeedContentError} if the HTML still holds an Astro placeholder.
 */
export function absolutiseHtml(html: string, baseUrl: string, label = 'article body'): string {
  const placeholder = PLACEHOLDER.exec(html);
  if (placeholder) {
    throw new FeedContentError(
      `${label}: the rendered body still holds Astro's ${placeholder[0]} placeholder (a local image?), which a feed cannot carry; use an absolute image URL`,
    );
  }
  const doc = parseDocument(html);
  const withUrls = DomUtils.findAll((el) => [...URL_ATTRIBUTES, ...SRCSET_ATTRIBUTES].some((name) => name in el.attribs), doc.children);
  for (const el of withUrls) {
    for (const name of URL_ATTRIBUTES) {
      const value = el.attribs[name];
      if (value !== undefined) el.attribs[name] = absolutise(value, baseUrl);
    }
    for (const name of SRCSET_ATTRIBUTES) {
      const value = el.attribs[name];
      if (value !== undefined) el.attribs[name] = absolutiseSrcset(value, baseUrl);
    }
  }
  return render(doc.children, { encodeEntities: 'utf8' });
}

/**
 * Every URL in `href`/`src`/`srcset`/`cite`/`poster` attributes of `html`, for checks.
 */
export function urlsInHtml(html: string): string[] {
  const doc = parseDocument(html);
  const urls: string[] = [];
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    for (const name of URL_ATTRIBUTES) if (el.attribs[name] !== undefined) urls.push(el.attribs[name]);
    for (const name of SRCSET_ATTRIBUTES) {
      const value = el.attribs[name];
      if (value !== undefined) for (const c of value.split(',')) urls.push(c.trim().split(/\s+/)[0] ?? '');
    }
  }
  return urls;
}
