import { fixedFeedRoute } from '../lib/distribution/feed-routes.ts';

/** The site feed (atom): the newest `feedSize` published articles, full content. */
export const GET = fixedFeedRoute('site', 'atom');
