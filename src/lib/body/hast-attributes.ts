import { find, html } from 'property-information';

/**
 * hast properties (camelCase, e.g. `onClick`, `ariaLabel`, `className: ['a','b']`) as HTML
 * attribute names and string values (`onclick`, `aria-label`, `class="a b"`), using the
 * `property-information` tables that hast itself uses.
 */
export function toHtmlAttributes(properties: Readonly<Record<string, unknown>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [prop, value] of Object.entries(properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(html, prop);
    out[info.attribute] = Array.isArray(value) ? value.join(info.commaSeparated ? ',' : ' ') : value === true ? '' : String(value);
  }
  return out;
}

/** The hast property name for an HTML attribute name (`onclick` → `onClick`). */
export function toHastProperty(attribute: string): string {
  return find(html, attribute).property;
}
