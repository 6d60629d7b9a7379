/**
 * The one renderer of an article's corrections box and source credit, as HTML, shared by the
 * article page (`CorrectionNotice.astro`, `SourceAttribution.astro`) and the feeds
 * (`feed-model.ts`), so a reader sees the same notes, anchors and wording wherever the
 * article is shown. Text is escaped with html-escaper; dates are `<time>` elements whose
 * `datetime` means the stored instant (`toZonedIsoString`).
 */
import { escape } from 'html-escaper';
import type { Correction, SourceRef } from '../content/article-model.ts';
import { correctionAnchor, correctionLabel } from '../content/corrections.ts';
import { formatDateTime, toZonedIsoString, type DisplayOptions } from '../dates.ts';

/** Options of {@link renderCorrectionsHtml}. */
export interface CorrectionsHtmlOptions {
  /** Newsroom time zone, language and zone-label locale. */
  display: DisplayOptions;
  /** Absolute URL of the article, for a "Read the corrected article" link (feeds); none on the page itself. */
  articleUrl?: string | undefined;
  /** Heading and labels in the article's language (src/i18n); default English. */
  labels?: { heading: string; correction: string; clarification: string } | undefined;
}

/**
 * The corrections box: each correction or clarification with its date, anchored
 * `#correction-<n>` (n = 1-based, in the given order: oldest first). Empty string when
 * there are none.
 */
export function renderCorrectionsHtml(corrections: readonly Correction[], options: CorrectionsHtmlOptions): string {
  if (corrections.length === 0) return '';
  const { display, articleUrl, labels } = options;
  const label = (kind: Correction['kind']) => (labels ? labels[kind] : correctionLabel(kind));
  const items = corrections.map(
    (c, i) =>
      `<li id="${correctionAnchor(i + 1)}"><strong>${escape(label(c.kind))}</strong>, <time datetime="${toZonedIsoString(c.at, display.timeZone)}">${escape(formatDateTime(c.at, display))}</time>: ${escape(c.text)}</li>`,
  );
  const link = articleUrl ? `<p><a href="${escape(articleUrl)}">Read the corrected article</a></p>` : '';
  return `<aside class="corrections" aria-labelledby="corrections-heading" lang="${escape(display.locale)}"><h2 id="corrections-heading">${escape(labels?.heading ?? 'Corrections and clarifications')}</h2><ol>${items.join('')}</ol>${link}</aside>`;
}

/**
 * The credit an openly licensed or syndicated text requires wherever it is shown: the
 * publisher (linked to the original when its URL is known) and the licence when there is one
 * ("Originally published by South China Morning Post." for a credit without either).
 */
export function renderSourceCreditHtml(
  source: SourceRef,
  labels: { publishedBy: string; licensedUnder: string } = { publishedBy: 'Originally published by', licensedUnder: 'licensed under' },
): string {
  const name = source.url ? `<a href="${escape(source.url)}">${escape(source.name)}</a>` : escape(source.name);
  const licence = source.license && source.licenseUrl ? `, ${escape(labels.licensedUnder)} <a href="${escape(source.licenseUrl)}" rel="license">${escape(source.license)}</a>` : '';
  return `<p class="source-attribution">${escape(labels.publishedBy)} ${name}${licence}.</p>`;
}
