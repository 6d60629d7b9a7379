/**
 * The date archive: published stories by year and month of their public time in the
 * newsroom time zone (a story published at 00:30 HKT on 1 December is a December story,
 * though it is still November in UTC).
 */
import type { Article } from './content/article-model.ts';
import { zonedDateKey } from './dates.ts';

/** One month of the archive: stories newest first. */
export interface ArchiveMonth {
  year: number;
  /** 1–12. */
  month: number;
  articles: Article[];
}

/** One year of the archive: its months, newest first, only months with stories. */
export interface ArchiveYear {
  year: number;
  months: ArchiveMonth[];
  count: number;
}

/**
 * Group stories by newsroom year and month, newest year and month first.
 * @param newestFirst - published stories, newest first (order is kept inside a month).
 * @param timeZone - IANA name of the newsroom time zone.
 */
export function buildArchive(newestFirst: readonly Article[], timeZone: string): ArchiveYear[] {
  const years = new Map<number, Map<number, Article[]>>();
  for (const article of newestFirst) {
    const [y, m] = zonedDateKey(article.publishedAt, timeZone).split('-').map(Number) as [number, number];
    let months = years.get(y);
    if (!months) years.set(y, (months = new Map()));
    const list = months.get(m);
    if (list) list.push(article);
    else months.set(m, [article]);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => {
      const list = [...months].sort(([a], [b]) => b - a).map(([month, articles]) => ({ year, month, articles }));
      return { year, months: list, count: list.reduce((n, m) => n + m.articles.length, 0) };
    });
}

/** Name of a month in a locale, e.g. `November` (en-GB) or `11月` (ja). */
export function monthName(month: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 15)));
}
