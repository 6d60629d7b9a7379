/**
 * WebSub publishing (https://www.w3.org/TR/websub/): after a deploy, tell the hub which feeds
 * changed, so it fetches them and pushes them to subscribers.
 *
 * The change list is kept by the notifier, not by the build: a feed is notified when its bytes
 * differ from those of the last successful notification (SHA-256 per feed URL in a state
 * file), so a build that was never deployed or notified loses nothing, and a failed ping is
 * retried next time. Feed URLs are the feeds' own `rel="self"` URLs, so they always match the
 * origin the build used.
 *
 * The publish request is the de facto one of WebSub hubs (the Recommendation leaves it to the
 * hub; PubSubHubbub 0.4 §7, used by Google's and other public hubs): a form-encoded POST of
 * `hub.mode=publish` and `hub.url=<feed URL>`, one request per feed; any 2xx is success.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import { sha256Hex } from '../cache-file.ts';

/** Feed file names (urls.ts FEED_FILE_NAMES) a build may hold anywhere in its tree. */
const FEED_FILE = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;

/** Whether a path relative to the build output is a feed. */
export function isFeedFile(relativePath: string): boolean {
  return FEED_FILE.test(relativePath);
}

/** Thrown when a feed file does not say where it lives. */
export class FeedSelfUrlError extends Error {
  override name = 'FeedSelfUrlError';
}

/**
 * The absolute URL a feed document gives for itself: JSON Feed `feed_url`; RSS `atom:link
 * rel="self"`; Atom `link rel="self"`.
 * @throws {FeedSelfUrlError} naming `file` if there is none.
 */
export function feedSelfUrl(text: string, file: string): string {
  let url: string | undefined;
  if (file.endsWith('.json')) {
    url = (JSON.parse(text) as { feed_url?: string }).feed_url;
  } else {
    const doc = parseDocument(text, { xmlMode: true });
    const self = DomUtils.findOne((el) => (el.name === 'atom:link' || el.name === 'link') && el.attribs['rel'] === 'self', doc.children);
    url = self?.attribs['href'];
  }
  if (!url || !/^https?:\/\//.test(url)) throw new FeedSelfUrlError(`${file}: no absolute rel="self" / feed_url to notify the hub with`);
  return url;
}

/** SHA-256 (hex) of a feed's bytes. */
export function feedDigest(bytes: Uint8Array | string): string {
  return sha256Hex(bytes);
}

/** Feed URL → digest, as stored in the state file. */
export type NotifiedState = Record<string, string>;

/** The feed URLs whose digest differs from the last notified one, sorted. */
export function changedFeeds(current: ReadonlyMap<string, string>, notified: NotifiedState): string[] {
  return [...current].filter(([url, digest]) => notified[url] !== digest).map(([url]) => url).sort();
}

/** The body of a publish ping for one feed (`application/x-www-form-urlencoded`). */
export function publishBody(feedUrl: string): string {
  return new URLSearchParams([['hub.mode', 'publish'], ['hub.url', feedUrl]]).toString();
}

/** The outcome of pinging the hub for one feed. */
export interface PingResult {
  url: string;
  ok: boolean;
  /** HTTP status, or the network error's message. */
  detail: string;
}

/**
 * Ping `hub` for each feed URL, one at a time (hubs rate-limit), with a timeout per request.
 * Never throws: each failure is reported in its result.
 */
export async function pingHub(hub: string, feedUrls: readonly string[], timeoutMs = 15_000): Promise<PingResult[]> {
  const results: PingResult[] = [];
  for (const url of feedUrls) {
    try {
      const res = await fetch(hub, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: publishBody(url),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.arrayBuffer();
      results.push({ url, ok: res.ok, detail: `HTTP ${res.status}` });
    } catch (error) {
      results.push({ url, ok: false, detail: (error as Error).message });
    }
  }
  return results;
}
