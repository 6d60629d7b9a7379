import { listingFeedRoute, topicFeedPaths } from '../../../lib/distribution/feed-routes.ts';

/** A topic's feed (atom): its newest `listingFeedSize` published articles, full content. */
export const getStaticPaths = topicFeedPaths;
export const GET = listingFeedRoute('atom');
