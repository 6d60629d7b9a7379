/**
 * WCAG 2.2 AA with axe-core: zero violations on every kind of page, in the light and dark
 * colour schemes, at a phone and a desktop viewport.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { JAPANESE_URL, SEED_URL } from './seed.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const PAGES: { name: string; url: string; status: number }[] = [
  { name: 'home', url: '/', status: 200 },
  { name: 'home page 2', url: '/page/2/', status: 200 },
  { name: 'seed article', url: SEED_URL, status: 200 },
  { name: 'Japanese article', url: JAPANESE_URL, status: 200 },
  { name: 'topic page', url: '/topics/shinzo-abe/', status: 200 },
  { name: 'topics index', url: '/topics/', status: 200 },
  { name: 'author page', url: '/authors/wikinews-contributors/', status: 200 },
  { name: '404', url: '/no-such-page/', status: 404 },
];

const VIEWPORTS = [
  { name: 'phone', size: { width: 390, height: 844 } },
  { name: 'desktop', size: { width: 1280, height: 800 } },
];

const SCHEMES = ['light', 'dark'] as const;

for (const { name, url, status } of PAGES) {
  for (const scheme of SCHEMES) {
    for (const viewport of VIEWPORTS) {
      test(`axe: ${name} (${url}), ${scheme}, ${viewport.name}`, async ({ page }) => {
        await page.setViewportSize(viewport.size);
        await page.emulateMedia({ colorScheme: scheme });
        const response = await page.goto(url);
        expect(response?.status()).toBe(status);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');

        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const report = results.violations.map((v) =>
          [
            `${v.id} (${v.impact ?? 'n/a'}): ${v.help}`,
            `  ${v.helpUrl}`,
            ...v.nodes.map((n) => `  - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`),
          ].join('\n'),
        );
        expect(report, `axe violations on ${page.url()} (${scheme}, ${viewport.name} ${viewport.size.width}×${viewport.size.height}):\n${report.join('\n')}`).toEqual([]);
      });
    }
  }
}
