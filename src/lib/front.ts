/**
 * What a front page shows, decided once as data (the containers of a newspaper front —
 * NEWSROOM.md "Fronts"): a lead story, a few top stories, a block of headlines per section
 * and a "Latest" column. Hand-picked stories come first; the newest stories backfill the
 * remaining slots. The home page and every section front use it.
 */
import type { Article } from './content/article-model.ts';
import type { FrontPlacement } from './content/pipeline.ts';
import type { Section } from '../site.config.ts';

/** The slots of a front. */
export interface FrontLayout {
  /** Largest story; null only when there are no stories at all. */
  lead: Article | null;
  /** Stories under the lead (3–5 when there are enough). */
  top: Article[];
  /** One block per section with its newest stories not already shown above; sections with none are left out. */
  sections: { section: Section; articles: Article[] }[];
  /** Newest stories overall, with their times (may repeat stories shown above, as a newspaper's "Latest" does). */
  latest: Article[];
}

/** Slot sizes of a front. */
export interface FrontSizes {
  /** Top stories under the lead (default 4). */
  top: number;
  /** Headlines per section block (default 4). */
  perSection: number;
  /** Entries of the "Latest" column (default 8). */
  latest: number;
}

const DEFAULT_SIZES: FrontSizes = { top: 4, perSection: 4, latest: 8 };

/**
 * The placement that applies at `now`: `null` without a front file or once it has expired
 * (`expires` ≤ `now`). Placed ids that are not published (a draft, an embargoed or expired
 * story: absent from `byId`) are dropped, and the lead falls back to the first placed top
 * story that is published.
 *
 * @param byId - the published articles of the build.
 */
export function resolveFront(
  placement: FrontPlacement | null,
  byId: ReadonlyMap<string, Article>,
  now: Date,
): { lead: Article | null; top: Article[] } | null {
  if (!placement || (placement.expires && placement.expires <= now)) return null;
  const picked = [placement.lead, ...placement.top].map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
  if (picked.length === 0) return null;
  return { lead: picked[0]!, top: picked.slice(1) };
}

/**
 * Fill the slots of a front.
 *
 * @param newestFirst - the stories the front draws on (the whole site, or one section), newest first.
 * @param picks - hand-picked lead and top stories ({@link resolveFront}), or null for "newest leads".
 * @param sections - section blocks to show, in order, each with its stories newest first
 *   (pass none on a section front).
 */
export function buildFront(
  newestFirst: readonly Article[],
  picks: { lead: Article | null; top: Article[] } | null,
  sections: readonly { section: Section; articles: readonly Article[] }[] = [],
  sizes: Partial<FrontSizes> = {},
): FrontLayout {
  const size = { ...DEFAULT_SIZES, ...sizes };
  const shown = new Set<string>();
  const take = (a: Article | null | undefined) => {
    if (!a || shown.has(a.id)) return null;
    shown.add(a.id);
    return a;
  };
  const lead = take(picks?.lead ?? newestFirst[0]);
  const top: Article[] = [];
  for (const a of [...(picks?.top ?? []), ...newestFirst]) {
    if (top.length >= size.top) break;
    const t = take(a);
    if (t) top.push(t);
  }
  const blocks = sections
    .map(({ section, articles }) => ({ section, articles: articles.filter((a) => !shown.has(a.id)).slice(0, size.perSection) }))
    .filter((b) => b.articles.length > 0);
  return { lead, top, sections: blocks, latest: newestFirst.slice(0, size.latest) };
}
