/**
 * Browser code of the search page (the only client script of the site): reads the query and
 * filters from the URL (`/search/?q=…&section=…`), runs them against the Pagefind index
 * shards listed in `/pagefind/shards.json` (src/lib/search/shards.ts), and lists the results —
 * headline link, date and an excerpt with the matched words marked (Pagefind escapes the
 * excerpt text and adds only `<mark>`). Results a shard gave for a fallback prefix of a term it
 * does not hold are dropped (`src/lib/search/word-match.ts`), and so are those of a shard that
 * lacks a term another shard holds (`src/lib/search/shard-query.ts`).
 */
import { searchTerms, stemmerFor, termStrength, type Stemmer } from '../lib/search/word-match.ts';
import { shardsThatAnswer } from '../lib/search/shard-query.ts';
import { SHARD_MANIFEST_PATH, type ShardManifest } from '../lib/search/shards.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
  language?: string;
}
interface PagefindResult {
  score: number;
  data(): Promise<PagefindResultData>;
}
type Filters = Record<string, string | { any: string[] }>;
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Filters }): Promise<{ results: PagefindResult[] }>;
}

/** One shard to search: its bundle, the Pagefind instance of that bundle, the filter that keeps the shard's pages, and its index's stemmer. */
interface ShardQuery {
  bundle: string;
  pagefind: Pagefind;
  filters: Filters;
  stem: Stemmer;
}

/**
 * Open the bundles of the shard plan: one Pagefind instance per bundle (English and other
 * languages, Japanese: each with its own word segmentation and WebAssembly), loaded from the
 * bundle's first shard, with the bundle's other shards merged into it (`mergeIndex` shares the
 * instance's WebAssembly). Each shard is then searched on its own, through its `year` filter
 * (every page of a shard, and only those, carry one of its years), so the fallback rule is
 * applied per shard, as it was per index before the index was sharded. With the reader's own
 * year filter, only the shard holding that year is opened.
 */
async function openShards(manifest: ShardManifest, filters: Record<string, string>): Promise<ShardQuery[]> {
  const queries: ShardQuery[] = [];
  const year = filters['year'];
  for (const bundle of manifest.bundles) {
    // With a year chosen, only the shard holding that year is opened (no other shard's files are fetched).
    const shards = year === undefined ? bundle.shards : bundle.shards.filter((s) => s.years.includes(year));
    const [first, ...rest] = shards;
    if (!first) continue;
    const pagefind = (await import(/* @vite-ignore */ `${first.path}pagefind.js`)) as Pagefind;
    await pagefind.options({ excerptLength: 24, basePath: first.path });
    for (const shard of rest) await pagefind.mergeIndex(shard.path, { language: bundle.language });
    for (const shard of shards) {
      // One shard opened: no year filter needed beyond the reader's own (and no filter file fetched).
      const own = shards.length === 1 ? filters : { ...filters, year: { any: shard.years } };
      queries.push({ bundle: bundle.language, pagefind, filters: own, stem: stemmerFor(bundle.language) });
    }
  }
  return queries;
}

const FILTERS = ['section', 'topic', 'year', 'language'] as const;
const PAGE = 20;

export async function runSearchPage(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const query = (params.get('q') ?? '').trim();
  const form = document.getElementById('search-form') as HTMLFormElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  (form.elements.namedItem('q') as HTMLInputElement).value = query;
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (value && select) {
      select.value = value;
      if (select.value === value) filters[name] = value;
    }
  }
  if (!query) {
    status.textContent = 'Type the words to find, then press Search.';
    return;
  }
  status.textContent = 'Searching…';
  let shards: ShardQuery[];
  try {
    const response = await fetch(SHARD_MANIFEST_PATH);
    if (!response.ok) throw new Error(`${SHARD_MANIFEST_PATH}: HTTP ${response.status}`);
    shards = await openShards((await response.json()) as ShardManifest, filters);
  } catch {
    status.textContent = 'Search is not available right now. Try the sections or the archive.';
    return;
  }
  // Pagefind falls back per term and per index: find which terms each shard really holds (the
  // best result of a search for the term alone), then keep the shards that answer the query
  // as one index per bundle would (src/lib/search/shard-query.ts).
  const terms = searchTerms(query);
  // One search at a time: concurrent searches on one Pagefind instance interfere.
  const strengths: number[][] = [];
  for (const s of shards) {
    const row: number[] = [];
    for (const term of terms) {
      const best = (await s.pagefind.search(term, { filters: s.filters })).results[0];
      row.push(best ? termStrength(term, (await best.data()).excerpt, s.stem) : 0);
    }
    strengths.push(row);
  }
  const answering = shardsThatAnswer(strengths, shards.map((s) => s.bundle));
  const found: PagefindResult[] = [];
  for (const [i, s] of shards.entries()) if (answering[i]) found.push(...(await s.pagefind.search(query, { filters: s.filters })).results);
  found.sort((a, b) => b.score - a.score);
  const results = await Promise.all(found.slice(0, PAGE).map((r) => r.data()));
  const total = found.length;
  status.textContent = total === 0
    ? `No stories match “${query}”.`
    : `${total} ${total === 1 ? 'story matches' : 'stories match'} “${query}”${total > PAGE ? `; the ${PAGE} best are shown` : ''}.`;
  list.replaceChildren(...results.map(renderResult));
}

function renderResult(r: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  if (r.language && r.language !== document.documentElement.lang.split('-')[0]) li.lang = r.language;
  const heading = document.createElement('h2');
  heading.className = 'search-result-headline';
  const link = document.createElement('a');
  link.href = r.url;
  link.textContent = r.meta.title ?? r.url;
  heading.append(link);
  li.append(heading);
  if (r.meta.date) {
    const date = document.createElement('p');
    date.className = 'card-time';
    date.textContent = r.meta.date;
    li.append(date);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  // Pagefind's excerpt is escaped text with <mark> around matches; keep only those marks.
  excerpt.innerHTML = r.excerpt.replace(/<(?!\/?mark>)[^>]*>/g, '');
  li.append(excerpt);
  return li;
}
