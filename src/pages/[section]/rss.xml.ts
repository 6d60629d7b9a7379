import { listingFeedRoute, sectionFeedPaths } from '../../lib/distribution/feed-routes.ts';

/** A section's feed (rss): its newest `feedSize` published articles, full content. */
export const getStaticPaths = sectionFeedPaths;
export const GET = listingFeedRoute('rss');
