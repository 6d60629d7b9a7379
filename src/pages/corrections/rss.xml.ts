import { fixedFeedRoute } from '../../lib/distribution/feed-routes.ts';

/** The corrections feed (rss): one item per correction or clarification, newest first. */
export const GET = fixedFeedRoute('corrections', 'rss');
