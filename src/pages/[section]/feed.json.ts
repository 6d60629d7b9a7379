import { listingFeedRoute, sectionFeedPaths } from '../../lib/distribution/feed-routes.ts';

/** A section's feed (json): its newest `feedSize` published articles, full content. */
export const getStaticPaths = sectionFeedPaths;
export const GET = listingFeedRoute('json');
