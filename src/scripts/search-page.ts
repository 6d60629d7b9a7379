/**
 * Browser code of the search page (the only client script of the site): reads the query and
 * filters from the URL (`/search/?q=…&section=…`), runs them against the Pagefind index at
 * `/pagefind/`, and lists the results — headline link, date and an excerpt with the matched
 * words marked (Pagefind escapes the excerpt text and adds only `<mark>`). Results an index
 * gave for a fallback prefix of a term it does not hold are dropped (`src/lib/search/word-match.ts`).
 */
import { markedWords, showsRealMatches } from '../lib/search/word-match.ts';

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
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

/**
 * The search bundles (src/integrations/search-index.ts `SEARCH_BUNDLES`): English and the
 * other languages, and Japanese, each an independent Pagefind instance with its own word
 * segmentation. Results of both are merged by score.
 */
const BUNDLES = ['/pagefind/pagefind.js', '/pagefind-ja/pagefind.js'];

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
  let instances: Pagefind[];
  try {
    instances = await Promise.all(
      BUNDLES.map(async (url) => {
        const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
        await pagefind.options({ excerptLength: 24, basePath: url.replace(/pagefind\.js$/, '') });
        return pagefind;
      }),
    );
  } catch {
    status.textContent = 'Search is not available right now. Try the sections or the archive.';
    return;
  }
  const perIndex = await Promise.all(instances.map((p) => p.search(query, { filters })));
  // Pagefind falls back per term and per index: judge each index by its best result.
  const kept = await Promise.all(perIndex.map(async ({ results }) => {
    const best = results[0];
    if (!best) return [];
    return showsRealMatches(query, markedWords((await best.data()).excerpt)) ? results : [];
  }));
  const found = kept.flat();
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
