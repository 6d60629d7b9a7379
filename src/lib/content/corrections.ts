import type { Article, Correction } from './article-model.ts';
import { articlePath } from '../urls.ts';

/** A correction with its article, for the `/corrections/` page and feed. */
export interface CorrectionEntry {
  article: Article;
  correction: Correction;
  /** 1-based position of the correction in its article's chronological list. */
  number: number;
  /** Root-relative link to the correction on the article page: `/articles/<slug>/#correction-<n>`. */
  path: string;
}

/** Element id of the n-th (1-based) correction on an article page. */
export function correctionAnchor(number: number): string {
  return `correction-${number}`;
}

/**
 * Every correction of every given article, newest `at` first (ties: article id, then number).
 * @param articles - published articles; each article's `corrections` are oldest first.
 */
export function listCorrections(articles: readonly Article[]): CorrectionEntry[] {
  const entries = articles.flatMap((article) =>
    article.corrections.map((correction, i) => ({
      article,
      correction,
      number: i + 1,
      path: `${articlePath(article.id)}#${correctionAnchor(i + 1)}`,
    })),
  );
  return entries.sort(
    (a, b) => b.correction.at.getTime() - a.correction.at.getTime() || a.article.id.localeCompare(b.article.id) || a.number - b.number,
  );
}

/** Label for a correction kind: `Correction` or `Clarification`. */
export function correctionLabel(kind: Correction['kind']): string {
  return kind === 'correction' ? 'Correction' : 'Clarification';
}
