import { authorFeedPaths, listingFeedRoute } from '../../../lib/distribution/feed-routes.ts';

/** An author's feed (rss): their newest `listingFeedSize` published articles, full content. */
export const getStaticPaths = authorFeedPaths;
export const GET = listingFeedRoute('rss');
