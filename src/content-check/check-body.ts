/**
 * Check an article body: the sanitising policy, alt text, and inline links to other
 * articles. The body is parsed by Sätteri — the parser the build uses — with raw HTML
 * turned into elements, so the check sees exactly what the build would render.
 */
import { markdownToHast } from 'satteri';
import { checkElement, articleLinkTarget } from '../lib/html-policy.ts';
import { toHtmlAttributes } from '../lib/hast-attributes.ts';

/** A problem found in a body; `line` is 1-based within the body. */
export interface BodyProblem {
  line: number;
  message: string;
}

/** What {@link checkBody} found. */
export interface BodyCheck {
  problems: BodyProblem[];
  /** Inline links to other articles' files: target id and the body line of the link. */
  articleLinks: { id: string; line: number }[];
}

/** Anything that could be raw HTML, an image, a link to an article file or a dangerous URL scheme. */
const MAY_NEED_PARSE = /<|!\[|\.md\b|javascript:|data:|vbscript:|&#|&colon;/i;

interface HastLike {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastLike[];
}

/**
 * Check one Markdown body.
 *
 * Lines: Sätteri's materialised tree carries no positions for reparsed raw HTML, so a
 * problem's line is the first body line (after the previous match for the same token)
 * that contains its token — `<script`, `onclick`, `javascript:`, the link target. When no
 * line matches, line 1 of the body is given.
 */
export function checkBody(body: string): BodyCheck {
  // Fast path: a body with no raw HTML, no link to a .md file, no image and no
  // javascript:/data:/vbscript: text and no character reference (which could spell one) cannot break any rule, so it is not parsed at all.
  if (!MAY_NEED_PARSE.test(body)) return { problems: [], articleLinks: [] };
  const problems: BodyProblem[] = [];
  const articleLinks: { id: string; line: number }[] = [];
  const locate = lineLocator(body);
  const walk = (node: HastLike) => {
    if (node.type === 'element' && node.tagName) {
      const attributes = toHtmlAttributes(node.properties);
      const violations = checkElement(node.tagName, attributes);
      for (const v of violations) {
        const token = v.attribute && v.message.includes(' URL in ') ? `${v.message.split(':')[0]}:` : v.attribute ?? (v.tagName === 'img' ? (attributes['src'] ?? '<img') : `<${v.tagName}`);
        problems.push({ line: locate(token, v.tagName === 'img' && !v.attribute ? ['![', '<img'] : []), message: v.message });
      }
      if (violations.some((v) => v.scope === 'element')) return;
      const href = attributes['href'];
      if (node.tagName === 'a' && href) {
        const target = articleLinkTarget(href);
        if (target) articleLinks.push({ id: target.id, line: locate(href) });
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(markdownToHast(body, { features: { rawHtml: true } }) as HastLike);
  return { problems, articleLinks };
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
