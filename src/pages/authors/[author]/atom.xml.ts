import { authorFeedPaths, listingFeedRoute } from '../../../lib/distribution/feed-routes.ts';

/** An author's feed (atom): their newest `listingFeedSize` published articles, full content. */
export const getStaticPaths = authorFeedPaths;
export const GET = listingFeedRoute('atom');
