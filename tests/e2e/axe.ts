/** axe-core runs shared by the accessibility suite (fixture site) and the smoke suite (real content). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (axe has no 2.2 level-A rule tag today; listed for when it does). */
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export const VIEWPORTS = [
  { name: 'phone', size: { width: 390, height: 844 } },
  { name: 'desktop', size: { width: 1280, height: 800 } },
];

export const SCHEMES = ['light', 'dark'] as const;

/** Wait until the browser has laid out and painted with the new media settings. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * Run axe on the page already loaded at `url` in every combination of `viewports` × `schemes`,
 * switching the media in place (no reload). Returns one readable block per violation (URL,
 * scheme, viewport, rule, nodes) and the page background seen per scheme, which tells that the
 * switch really restyled the page.
 */
export async function axeViolations(
  page: Page,
  url: string,
  viewports: typeof VIEWPORTS = VIEWPORTS,
  schemes: readonly (typeof SCHEMES)[number][] = SCHEMES,
): Promise<{ failures: string[]; backgrounds: Map<string, string> }> {
  const failures: string[] = [];
  const backgrounds = new Map<string, string>();
  for (const viewport of viewports) {
    await page.setViewportSize(viewport.size);
    for (const scheme of schemes) {
      await page.emulateMedia({ colorScheme: scheme });
      await settle(page);
      const { background, ...state } = await page.evaluate(() => ({
        dark: matchMedia('(prefers-color-scheme: dark)').matches,
        width: innerWidth,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      expect(state, `media state of ${url} (${scheme}, ${viewport.name})`).toEqual({ dark: scheme === 'dark', width: viewport.size.width });
      backgrounds.set(scheme, background);

      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of results.violations) {
        failures.push(
          [
            `${url} (${scheme}, ${viewport.name} ${viewport.size.width}×${viewport.size.height}): ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
            `  ${v.helpUrl}`,
            ...v.nodes.map((n) => `  - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
          ].join('\n'),
        );
      }
    }
  }
  return { failures, backgrounds };
}
