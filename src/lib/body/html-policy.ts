/**
 * Dateline's sanitising policy for HTML in article bodies (docs/adr/0004-sanitising-policy.md).
 *
 * An allowlist: elements and attributes not listed here never reach any output. The same
 * rules serve the content check (which reports each violation as a build error with file
 * and line) and the Markdown pipeline (which removes anything that slipped through, e.g.
 * under `astro dev`). URL rules follow the WHATWG URL scheme syntax: a scheme is
 * `[a-z][a-z0-9+.-]*:`, compared case-insensitively after removing ASCII whitespace and
 * control characters, as browsers do.
 */

/** Elements an article body may contain, and the attributes each may carry beyond {@link GLOBAL_ATTRIBUTES}. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], hr: [], h2: [], h3: [], h4: [], h5: [], h6: [],
  a: ['href', 'hreflang', 'rel'],
  em: [], strong: [], b: [], i: [], u: [], s: [], del: ['cite', 'datetime'], ins: ['cite', 'datetime'],
  mark: [], small: [], sub: [], sup: [], abbr: [], cite: [], q: ['cite'], dfn: [],
  code: [], pre: [], kbd: [], samp: [], var: [], span: [], div: [], section: [],
  blockquote: ['cite'], ul: [], ol: ['start', 'reversed', 'type'], li: ['value'],
  dl: [], dt: [], dd: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], colgroup: ['span'], col: ['span'],
  th: ['colspan', 'rowspan', 'scope', 'align'], td: ['colspan', 'rowspan', 'align'],
  figure: [], figcaption: [], picture: [],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding', 'srcset', 'sizes'],
  source: ['srcset', 'type', 'media', 'sizes'],
  time: ['datetime'], details: [], summary: [],
  // GFM task lists render disabled checkboxes.
  input: ['type', 'checked', 'disabled'],
};

/** Attributes allowed on every allowed element. `data-*` and a few ARIA attributes are allowed too. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['id', 'class', 'lang', 'dir', 'title', 'aria-label', 'aria-describedby', 'aria-hidden', 'role'];

/** Attributes whose values are URLs and must use a safe scheme. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite', 'srcset']);

/** URL schemes allowed in links and media; relative URLs have no scheme and are allowed. */
export const ALLOWED_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/** One reason an element or attribute is refused. */
export interface PolicyViolation {
  /** `element` (the whole element is removed) or `attribute` (only the attribute is dropped). */
  scope: 'element' | 'attribute';
  /** Element name, and attribute name for attribute violations. */
  tagName: string;
  attribute?: string | undefined;
  message: string;
}

/** The scheme of a URL attribute value, lower-cased, or `null` for a relative URL. */
export function urlScheme(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\u0000-\u0020\u007f]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match ? match[1]!.toLowerCase() : null;
}

/**
 * Whether a URL without a scheme names another host: `//host/path`, and the backslash forms
 * browsers read the same way (`\\host`, `/\host`; WHATWG URL, "special authority slashes").
 */
export function isSchemeRelative(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[/\\]{2}/.test(value.replace(/[\u0000-\u0020\u007f]/g, ''));
}

/**
 * Check one element against the policy. Property names are HTML attribute names
 * (lower-case, `aria-*`, `data-*`); hast's camelCase names must be converted first.
 *
 * @returns every violation; an `element` violation means remove the element and its content.
 */
export function checkElement(tagName: string, attributes: Readonly<Record<string, string>>): PolicyViolation[] {
  const tag = tagName.toLowerCase();
  const allowed = ALLOWED_ELEMENTS[tag];
  if (!allowed) {
    const why = tag === 'h1' ? 'the headline is the page\'s only h1: start body sections with ## (h2)' : 'not on the allowlist of article HTML (docs/adr/0004-sanitising-policy.md)';
    return [{ scope: 'element', tagName: tag, message: `<${tag}> is not allowed: ${why}` }];
  }
  const violations: PolicyViolation[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    const attr = name.toLowerCase();
    if (attr.startsWith('on')) {
      violations.push({ scope: 'attribute', tagName: tag, attribute: attr, message: `event-handler attribute ${attr} on <${tag}> is not allowed` });
      continue;
    }
    if (!allowed.includes(attr) && !GLOBAL_ATTRIBUTES.includes(attr) && !attr.startsWith('data-')) {
      violations.push({ scope: 'attribute', tagName: tag, attribute: attr, message: `attribute ${attr} on <${tag}> is not allowed` });
      continue;
    }
    if (URL_ATTRIBUTES.has(attr)) {
      const urls = attr === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        const scheme = urlScheme(url);
        if (scheme && !ALLOWED_SCHEMES.includes(scheme)) {
          violations.push({ scope: 'attribute', tagName: tag, attribute: attr, message: `${scheme}: URL in ${attr} on <${tag}> is not allowed (allowed: ${ALLOWED_SCHEMES.join(', ')} and relative URLs)` });
        } else if (!scheme && isSchemeRelative(url)) {
          violations.push({ scope: 'attribute', tagName: tag, attribute: attr, message: `"${url.trim()}" in ${attr} on <${tag}> is a scheme-relative URL (another host, which feed readers resolve against the feed's address): write the full https:// URL` });
        }
      }
    }
  }
  if (tag === 'img' && !(attributes['alt'] ?? '').trim()) {
    violations.push({ scope: 'element', tagName: tag, message: '<img> has no alt text: describe the image for readers who cannot see it' });
  }
  if (tag === 'input' && (attributes['type'] ?? '') !== 'checkbox') {
    violations.push({ scope: 'element', tagName: tag, message: '<input> is only allowed as a task-list checkbox' });
  }
  return violations;
}

/** Whether `href` points outside the site (an absolute http(s) URL on another origin). */
export function isExternalHref(href: string, siteUrl: string): boolean {
  const scheme = urlScheme(href);
  if (scheme !== 'http' && scheme !== 'https') return false;
  try {
    return new URL(href).origin !== new URL(siteUrl).origin;
  } catch {
    return false;
  }
}

/**
 * The article id an inline link points to when an editor links to another article by its
 * file (`./other-article.md`, `../2016/other-article.md#section`), else `null`.
 * Returns the id (file name without `.md`) and the fragment, if any.
 */
export function articleLinkTarget(href: string): { id: string; fragment: string } | null {
  if (urlScheme(href) !== null || href.startsWith('/') && !href.endsWith('.md') && !href.includes('.md#')) return null;
  const match = /^(?:[^?#]*\/)?([^/?#]+)\.md(#.*)?$/i.exec(href);
  if (!match) return null;
  try {
    return { id: decodeURIComponent(match[1]!), fragment: match[2] ?? '' };
  } catch {
    // A malformed percent-escape (`%E0%A4%A`) names no file; the body renderer reports it.
    return null;
  }
}
