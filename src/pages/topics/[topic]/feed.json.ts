import { listingFeedRoute, topicFeedPaths } from '../../../lib/feed-routes.ts';

/** A topic's feed (json): its newest `feedSize` published articles, full content. */
export const getStaticPaths = topicFeedPaths;
export const GET = listingFeedRoute('json');
