import { listingFeedRoute, topicFeedPaths } from '../../../lib/feed-routes.ts';

/** A topic's feed (rss): its newest `feedSize` published articles, full content. */
export const getStaticPaths = topicFeedPaths;
export const GET = listingFeedRoute('rss');
