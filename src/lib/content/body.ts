/**
 * The one body renderer: an article's Markdown is parsed once, by Sätteri (Astro's own
 * Markdown engine, with GFM, footnotes and raw HTML parsed into elements), and in the same
 * pass checked against the article HTML policy (`../html-policy.ts`) and rewritten (links
 * to other articles' files, external links, table alignment). The content check reports
 * exactly what this pass found, so what the check accepts is what pages and feeds show.
 *
 * Renderer-made markup is never blamed on the editor: GFM column alignment
 * (`style="text-align: …"` on `th`/`td`) becomes the class `align-left|center|right`.
 * Code blocks are not syntax-highlighted (highlighters emit inline styles, which the policy
 * and the pages' CSP refuse).
 */
import { markdownToHtml, type MarkdownToHtmlResult } from 'satteri';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import { checkElement, articleLinkTarget, isExternalHref, URL_ATTRIBUTES } from '../body/html-policy.ts';
import { toHtmlAttributes, toHastProperty } from '../body/hast-attributes.ts';
import { articlePath, articleSlugOfUrl } from '../urls.ts';
import { findTextProblems } from './text.ts';
import { isLocalImageSrc } from '../pictures/sources.ts';

/** Bumped whenever the renderer's output for the same Markdown changes: part of every body digest. */
export const BODY_RENDERER_VERSION = 'satteri-0.10.5/policy-6';

/** A problem found in a body; `line` is 1-based within the body. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** What {@link renderBody} produced. */
export interface RenderedBody {
  /** Sanitised HTML with root-relative article links; empty when the body has problems. */
  html: string;
  problems: BodyProblem[];
  /** Inline links to other articles' files: target id and the body line of the link. */
  articleLinks: { id: string; line: number }[];
  /**
   * Local pictures (`![alt](./chart.png)`): the `src` as written and its body line. The HTML
   * keeps their `<img>`; the pages and feeds replace it with the picture's variants
   * (`src/lib/pictures/body-pictures.ts`), so the cached body does not depend on the files.
   */
  images: { src: string; line: number }[];
}

interface ElementNode {
  tagName: string;
  properties?: Record<string, unknown>;
}
interface Ctx {
  removeNode(node: unknown): void;
  setProperty(node: unknown, key: string, value: unknown): void;
}

/** GFM alignment as Sätteri writes it. */
const ALIGNMENT_STYLE = /^\s*text-align:\s*(left|center|right)\s*;?\s*$/i;

/** What the policy pass reports back for one element. */
interface Finding {
  kind: 'problem' | 'link' | 'image';
  /** Text to look for in the source to find the line. */
  token: string;
  alternatives?: string[];
  message?: string;
  id?: string;
}

/**
 * The Sätteri hast plugin that enforces the policy; `found` receives every violation and
 * article link. Exported for Astro's `markdown.processor`, so any Markdown Astro itself
 * renders follows the same policy.
 */
export function articleHtmlPlugin(siteUrl: string, found: (f: Finding) => void = () => {}) {
  return {
    name: 'dateline-article-html',
    // HTML comments are the editor's notes, not copy: they never reach a page or a feed.
    comment(node: unknown, ctx: Ctx) {
      ctx.removeNode(node);
    },
    element: {
      filter: [] as string[],
      visit(node: ElementNode, ctx: Ctx) {
        const attributes = toHtmlAttributes(node.properties);
        if ((node.tagName === 'th' || node.tagName === 'td') && attributes['style'] !== undefined) {
          const align = ALIGNMENT_STYLE.exec(attributes['style']);
          if (align) {
            delete attributes['style'];
            ctx.setProperty(node, 'style', undefined);
            const classes = [attributes['class'], `align-${align[1]!.toLowerCase()}`].filter(Boolean).join(' ');
            attributes['class'] = classes;
            ctx.setProperty(node, 'className', classes.split(' '));
          }
        }
        const violations = checkElement(node.tagName, attributes);
        for (const v of violations) {
          const token = v.attribute && v.message.includes(' URL in ') ? `${v.message.split(':')[0]}:` : v.attribute ?? (v.tagName === 'img' ? (attributes['src'] ?? '<img') : `<${v.tagName}`);
          const alternatives = v.tagName === 'img' && !v.attribute ? ['![', '<img'] : v.tagName === 'h1' ? ['# ', '<h1'] : v.attribute === 'href' ? ['](', 'href'] : [];
          found({ kind: 'problem', token, alternatives, message: v.message });
        }
        if (violations.some((v) => v.scope === 'element')) {
          ctx.removeNode(node);
          return;
        }
        for (const v of violations) if (v.attribute) ctx.setProperty(node, toHastProperty(v.attribute), undefined);
        const src = attributes['src'];
        if (node.tagName === 'img' && typeof src === 'string' && isLocalImageSrc(src)) found({ kind: 'image', token: src, id: src });
        for (const name of URL_ATTRIBUTES) {
          const value = attributes[name];
          if (value !== undefined && !hasValidPercentEscapes(value)) {
            const prefix = value.slice(0, value.indexOf('%'));
            found({ kind: 'problem', token: value, alternatives: prefix.length > 2 ? [prefix] : [], message: `malformed percent-escape in ${name} "${value}": write % as %25, or fix the escape (two hex digits after %)` });
            ctx.setProperty(node, toHastProperty(name), undefined);
          }
        }
        const href = attributes['href'];
        if (node.tagName !== 'a' || typeof href !== 'string' || !hasValidPercentEscapes(href)) return;
        // A link to another article's file (`./other.md`), or to its permalink (`/articles/other/`,
        // also on the site's origin): both are checked like `related` (the target must exist and be
        // published) and written as the permalink.
        const permalink = articleSlugOfUrl(href, siteUrl);
        const target = articleLinkTarget(href) ?? (permalink && { id: permalink.slug, fragment: permalink.fragment });
        if (target) {
          found({ kind: 'link', token: href, id: target.id });
          ctx.setProperty(node, 'href', `${articlePath(target.id)}${target.fragment}`);
        } else if (isExternalHref(href, siteUrl)) ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      },
    },
  };
}

/** Whether every `%` in `value` starts a `%XX` escape and the escapes decode as UTF-8. */
export function hasValidPercentEscapes(value: string): boolean {
  if (!value.includes('%')) return true;
  if (/%(?![0-9a-f]{2})/i.test(value)) return false;
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** Sätteri features of article bodies: GFM, raw HTML parsed into elements, text verbatim (docs/adr/0003-verbatim-text.md). */
export const BODY_FEATURES = { gfm: true, smartPunctuation: false, rawHtml: true } as const;

/**
 * Render and check one Markdown body (synchronous; Sätteri is native).
 *
 * Lines: Sätteri's tree carries no positions for reparsed raw HTML, so a problem's line is
 * the first body line (after the previous match for the same token) that contains its
 * token — `<script`, `onclick`, `javascript:`, the link target. When no line matches,
 * line 1 of the body is given.
 */
export function renderBody(body: string, siteUrl: string): RenderedBody {
  const findings: Finding[] = [];
  const problems: BodyProblem[] = findTextProblems(body);
  let html = '';
  try {
    // Every plugin here is synchronous, so Sätteri returns the result, not a promise.
    const result = markdownToHtml(body, {
      features: BODY_FEATURES,
      hastPlugins: [articleHtmlPlugin(siteUrl, (f) => findings.push(f)), satteriHeadingIdsPlugin()],
    }) as MarkdownToHtmlResult;
    html = result.html;
  } catch (error) {
    problems.push({ line: 1, message: `the Markdown renderer failed: ${(error as Error).message}` });
  }
  const locate = lineLocator(body);
  const articleLinks: { id: string; line: number }[] = [];
  const images: { src: string; line: number }[] = [];
  for (const f of findings) {
    const line = locate(f.token, f.alternatives);
    if (f.kind === 'problem') problems.push({ line, message: f.message! });
    else if (f.kind === 'image') images.push({ src: f.id!, line });
    else articleLinks.push({ id: f.id!, line });
  }
  problems.sort((a, b) => a.line - b.line);
  return { html: problems.length ? '' : html, problems, articleLinks, images };
}

/** Finds successive occurrences of a token in the body's lines (case-insensitive). */
function lineLocator(body: string) {
  const lines = body.split('\n').map((l) => l.toLowerCase());
  const after = new Map<string, number>();
  return (token: string, alternatives: string[] = []): number => {
    for (const t of [token, ...alternatives]) {
      const needle = t.toLowerCase();
      const start = after.get(needle) ?? 0;
      for (let i = start; i < lines.length; i++) {
        if (lines[i]!.includes(needle)) {
          after.set(needle, i + 1);
          return i + 1;
        }
      }
    }
    return 1;
  };
}
