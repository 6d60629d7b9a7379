/**
 * `npm run new -- "Headline" [--topic id]… [--author id]… [--slug slug]`
 *
 * Writes `src/content/articles/<year>/<slug>.md` (year in the newsroom time zone) with a
 * valid frontmatter stub, `publishedAt` = now with the newsroom offset, and `draft: true`.
 * Refuses to overwrite an existing file or to reuse a slug; refuses unknown topic or author
 * ids. Exit 0 on success (prints the path), 1 with a message otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { site } from '../src/site.config.ts';
import { contentRoot, idFromPath } from '../src/lib/content/paths.ts';
import { buildNewArticle, slugForHeadline } from '../src/lib/content/new-article.ts';
import { isValidSlug } from '../src/lib/urls.ts';
import { zonedDateKey } from '../src/lib/dates.ts';
import { readContentTree } from '../src/lib/content/files.ts';
import { HEADLINE } from '../src/schemas/article.ts';

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

const USAGE = 'npm run new -- "Headline" --topic <id> [--topic <id>]… [--author <id>]… [--slug <slug>]';
let parsed: ReturnType<typeof parseOptions>;
function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: { topic: { type: 'string', multiple: true }, author: { type: 'string', multiple: true }, slug: { type: 'string' } },
  });
}
try {
  parsed = parseOptions();
} catch (error) {
  // parseArgs explains a missing value or an unknown option; the usage says what was meant.
  fail(`${(error as Error).message.split('\n')[0]}\nusage: ${USAGE}`);
}
const { values, positionals } = parsed;
const headline = positionals.join(' ').trim();
if (!headline) fail('give the headline in quotes, e.g. npm run new -- "Harbour tunnel reopens" --topic hong-kong');
// The same rule the content check applies, so `new` never writes a file the check then rejects.
const headlineCheck = HEADLINE.safeParse(headline);
if (!headlineCheck.success) fail(`headline: ${headlineCheck.error.issues.map((i) => i.message).join('; ')}`);
const topics = values.topic ?? [];
if (topics.length === 0) fail('give at least one --topic <id> (a file name in topics/ without .yaml); the first is the primary topic');
const authors = values.author ?? [];

const root = contentRoot();
const tree = readContentTree(root);
const known = (files: { path: string }[]) => new Set(files.map((f) => idFromPath(f.path)));
const topicIds = known(tree.topics);
const authorIds = known(tree.authors);
for (const t of topics) if (!topicIds.has(t)) fail(`unknown topic "${t}": no ${path.join(root, 'topics', `${t}.yaml`)}`);
for (const a of authors) if (!authorIds.has(a)) fail(`unknown author "${a}": no ${path.join(root, 'authors', `${a}.yaml`)}`);

let slug: string;
try {
  slug = values.slug ?? slugForHeadline(headline);
} catch (error) {
  fail((error as Error).message);
}
if (!isValidSlug(slug)) fail(`"${slug}" is not a URL slug: use lower-case a-z, 0-9 and single hyphens`);
const clash = tree.articles.find((f) => idFromPath(f.path) === slug);
if (clash) fail(`an article with the slug "${slug}" already exists: ${clash.path}; pass --slug <another-slug>`);

const now = new Date();
const file = path.join(root, 'articles', zonedDateKey(now, site.timeZone).slice(0, 4), `${slug}.md`);
fs.mkdirSync(path.dirname(file), { recursive: true });
try {
  fs.writeFileSync(file, buildNewArticle({ headline, topics, authors, now, timeZone: site.timeZone }), { flag: 'wx' });
} catch (error) {
  fail(`could not write ${file}: ${(error as Error).message}`);
}
console.log(path.relative(process.cwd(), file));
