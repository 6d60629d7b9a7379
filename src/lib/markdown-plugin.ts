/**
 * Sätteri hast plugin for article bodies, run by Astro's Markdown pipeline:
 * 1. enforces the sanitising policy (`html-policy.ts`): disallowed elements are removed
 *    with their content, disallowed attributes dropped — a second net behind the content
 *    check, which already fails the build on any violation;
 * 2. turns inline links to another article's file (`./other.md`) into its permalink;
 * 3. marks external links `rel="noopener noreferrer"`.
 * Raw HTML must be parsed into elements (`features.rawHtml: true`) for rule 1 to see it.
 */
import { checkElement, articleLinkTarget, isExternalHref } from './html-policy.ts';
import { toHtmlAttributes, toHastProperty } from './hast-attributes.ts';
import { articlePath } from './urls.ts';

/** Minimal view of satteri's hast visitor API that this plugin uses. */
interface Ctx {
  removeNode(node: unknown): void;
  setProperty(node: unknown, key: string, value: unknown): void;
}
interface ElementNode {
  tagName: string;
  properties?: Record<string, unknown>;
}

/**
 * Build the plugin.
 * @param siteUrl - the site origin; links to it are not external.
 */
export function articleHtmlPlugin(siteUrl: string) {
  return {
    name: 'dateline-article-html',
    element: {
      filter: [] as string[],
      visit(node: ElementNode, ctx: Ctx) {
        const attributes = toHtmlAttributes(node.properties);
        const violations = checkElement(node.tagName, attributes);
        if (violations.some((v) => v.scope === 'element')) {
          ctx.removeNode(node);
          return;
        }
        for (const v of violations) if (v.attribute) ctx.setProperty(node, toHastProperty(v.attribute), undefined);
        if (node.tagName !== 'a' || typeof attributes['href'] !== 'string') return;
        const href = attributes['href'];
        const target = articleLinkTarget(href);
        if (target) ctx.setProperty(node, 'href', `${articlePath(target.id)}${target.fragment}`);
        else if (isExternalHref(href, siteUrl)) ctx.setProperty(node, 'rel', ['noopener', 'noreferrer']);
      },
    },
  };
}
