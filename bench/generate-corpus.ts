/**
 * Deterministic synthetic corpus for the build benchmark.
 *
 *   node bench/generate-corpus.ts --n 1000 --seed 42 --out /tmp/corpus
 *
 * writes `<out>/articles/<year>/<slug>.md`, `<out>/topics/<id>.yaml` and `<out>/authors/<id>.yaml`
 * in Dateline's content model. The same `--seed` always gives byte-identical files, and article
 * `i` does not depend on `--n` (its `related` ids point only at earlier articles), so the corpus
 * for N=1,000 is a subset of the corpus for N=10,000.
 *
 * Strings in frontmatter are written JSON-quoted; every JSON string is a valid YAML
 * double-quoted scalar, so `&`, `<`, quotes and CJK text need no further escaping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** A random source: returns floats in [0, 1). */
type Rng = () => number;

/** Options of {@link generateCorpus}. */
export interface CorpusOptions {
  /** Number of articles to write. */
  n: number;
  /** PRNG seed (an unsigned 32-bit integer). */
  seed: number;
  /** Directory to write into; its `articles/`, `topics/` and `authors/` are replaced. */
  out: string;
}

/** What {@link generateCorpus} wrote. */
export interface CorpusSummary {
  articles: number;
  topics: number;
  authors: number;
  /** Total words in all article bodies. */
  bodyWords: number;
  /** Total size of all files written, in bytes. */
  bytes: number;
  /** Article files relative to `out`, sorted; the first is the benchmark's "one edit" target. */
  articleFiles: string[];
}

export const TOPIC_COUNT = 200;
export const AUTHOR_COUNT = 50;
/** The ten publication years: 2016-01-01T00:00Z up to the end of 2025. */
const FIRST_INSTANT_MS = Date.UTC(2016, 0, 1);
const LAST_INSTANT_MS = Date.UTC(2026, 0, 1) - 1;
/** Offsets in minutes east of UTC; 0 is written as `Z` or `+00:00`. */
const OFFSETS_MIN = [0, 0, 60, 120, 330, 345, 480, 480, 540, -180, -300, -420, -480, 600];

// ---------------------------------------------------------------- PRNG

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed gives the same sequence of floats in [0, 1). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mix a seed and a stream number into a new 32-bit seed, so each article has its own stream. */
function subSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}

// ---------------------------------------------------------------- vocabulary

const REGIONS = [
  ['Hong Kong', '香港'], ['Japan', '日本'], ['Taiwan', '台灣'], ['Korea', '한국'], ['China', '中国'],
  ['Singapore', ''], ['India', ''], ['Peru', ''], ['Brazil', ''], ['Kenya', ''], ['Nigeria', ''],
  ['Germany', ''], ['France', ''], ['Spain', ''], ['Poland', ''], ['Canada', ''], ['Mexico', ''],
  ['Australia', ''], ['Egypt', ''], ['Chile', ''],
] as const;
const SUBJECTS = [
  'Politics', 'Economy', 'Climate', 'Health', 'Elections', 'Transport', 'Education', 'Science',
  'Culture', 'Sport', 'Housing', 'Energy', 'Technology', 'Courts',
] as const;
const FIRST_NAMES = ['Mei', 'Yuki', 'Ana', 'Tomás', 'Priya', 'Kwame', 'Lena', 'Oskar', 'Sara', 'Diego', 'Aiko', 'Chen', 'Fatima', 'Jonas', 'Ines', 'Ravi', 'Zoe', 'Hamid', 'Eva', 'Liam'];
const LAST_NAMES = ['Chan', 'Tanaka', 'Silva', 'Okafor', 'Müller', 'Nowak', 'García', 'Singh', 'Kim', 'Dubois', "O'Brien", 'Lee', 'Haddad', 'Novak', 'Sato', 'Costa', 'Wong', 'Mensah', 'Berg', 'Rossi'];
const CJK_NAMES = ['陳美玲', '田中由紀', '王小明', '김민준', '佐藤健'];
const CITIES = ['HONG KONG', 'TOKYO', 'TAIPEI', 'SEOUL', 'LIMA', 'SÃO PAULO', 'NAIROBI', 'LAGOS', 'BERLIN', 'PARIS', 'MADRID', 'WARSAW', 'TORONTO', 'MEXICO CITY', 'SYDNEY', 'CAIRO', 'SANTIAGO', 'GENEVA', 'NEW DELHI'];
const ACTORS = ['officials', 'lawmakers', 'regulators', 'residents', 'researchers', 'unions', 'investors', 'teachers', 'doctors', 'farmers', 'ministers', 'campaigners', 'judges', 'engineers'];
const VERBS = ['approve', 'reject', 'delay', 'expand', 'question', 'defend', 'review', 'announce', 'scrap', 'debate', 'back', 'challenge'];
const NOUNS = ['budget', 'plan', 'bill', 'tariff', 'rail link', 'vaccine rollout', 'housing scheme', 'carbon tax', 'election law', 'water project', 'pension reform', 'port expansion', 'data rule', 'school curriculum', 'wage deal'];
const ADJECTIVES = ['long-delayed', 'controversial', 'ambitious', 'modest', 'sweeping', 'temporary', 'costly', 'popular', 'fragile', 'surprise'];
const CONNECTORS = ['as', 'after', 'while', 'before', 'despite'];
const EVENTS = ['protests grow', 'costs rise', 'talks stall', 'a court ruling', 'the storm season', 'record turnout', 'a leaked memo', 'budget talks'];
const ROLES = ['a spokesperson for', 'the director of', 'an analyst at', 'a senior adviser to', 'a researcher at', 'the chair of'];
const ORGS = ['the finance ministry', 'the city council', 'the central bank', 'the national university', 'the port authority', 'the health department', 'a local residents’ group', 'the chamber of commerce'];
const FILLER = [
  'the', 'new', 'figures', 'showed', 'that', 'spending', 'on', 'the', 'programme', 'had', 'risen', 'sharply', 'over', 'the', 'past', 'year',
  'according', 'to', 'documents', 'seen', 'by', 'reporters', 'several', 'districts', 'reported', 'shortages', 'and', 'longer', 'waiting', 'times',
  'critics', 'said', 'the', 'timetable', 'was', 'unrealistic', 'while', 'supporters', 'pointed', 'to', 'early', 'results', 'in', 'two', 'pilot', 'areas',
  'the', 'agency', 'declined', 'to', 'comment', 'on', 'individual', 'cases', 'but', 'promised', 'a', 'full', 'review', 'by', 'the', 'end', 'of', 'the', 'quarter',
  'households', 'in', 'rural', 'areas', 'are', 'expected', 'to', 'feel', 'the', 'change', 'first', 'analysts', 'warned', 'of', 'knock-on', 'effects',
  'negotiators', 'met', 'again', 'on', 'Tuesday', 'without', 'reaching', 'agreement', 'on', 'the', 'final', 'wording', 'of', 'the', 'text',
];
const HEADING_WORDS = ['What happens next', 'The numbers behind the plan', 'A long history', 'Who pays', 'Reaction', 'The view from the street', 'Legal questions', 'What critics say', 'Background', 'Looking ahead'];
const AWKWARD = [
  (h: string) => `Q&A: ${h}`,
  (h: string) => `${h} — “it’s not over”`,
  (h: string) => `"${h}", officials say`,
  (h: string) => `${h} as rates stay <2%`,
  (h: string) => `${h} in 香港 & 日本`,
  (h: string) => `${h}: what ‘<b>bold</b>’ tags & 'quotes' mean`,
  (h: string) => `日本の${h}`,
];

// ---------------------------------------------------------------- helpers

/** Turn text into an id that matches `^[a-z0-9]+(-[a-z0-9]+)*$` (non-ASCII letters are dropped). */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Make `base` unique within `taken` by appending `-2`, `-3`…; records the result in `taken`. */
function uniqueId(base: string, taken: Set<string>, fallback: string): string {
  const root = base === '' ? fallback : truncateSlug(base, 60);
  let id = root;
  for (let k = 2; taken.has(id); k++) id = `${root}-${k}`;
  taken.add(id);
  return id;
}

/** Cut a slug to at most `max` characters at a hyphen, so no word is cut in half. */
function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const end = cut.lastIndexOf('-');
  return end > 0 ? cut.slice(0, end) : slug.slice(0, max);
}

function q(text: string): string {
  return JSON.stringify(text);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clip(text: string, max: number): string {
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('').trimEnd()}…`;
}

/** Format an instant (ms since epoch) as `YYYY-MM-DDThh:mm:ss±hh:mm` in the given offset (minutes). */
export function formatInstant(ms: number, offsetMin: number, utcAsZ: boolean): string {
  const local = new Date(ms + offsetMin * 60_000);
  const p2 = (v: number) => String(v).padStart(2, '0');
  const date = `${local.getUTCFullYear()}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())}`;
  const time = `${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:00`;
  if (offsetMin === 0 && utcAsZ) return `${date}T${time}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${date}T${time}${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

// ---------------------------------------------------------------- topics and authors

interface Named {
  id: string;
  yaml: string;
}

function makeTopics(seed: number): Named[] {
  const rng = mulberry32(subSeed(seed, 0x70c1c));
  const pairs = REGIONS.flatMap(([region, native]) => SUBJECTS.map((subject) => ({ region, native, subject })));
  const taken = new Set<string>();
  return shuffled(rng, pairs)
    .slice(0, TOPIC_COUNT)
    .map(({ region, native, subject }) => {
      const id = uniqueId(slugify(`${region} ${subject}`), taken, 'topic');
      const name = native !== '' && chance(rng, 0.4) ? `${region} ${subject} (${native})` : `${region} ${subject}`;
      const lines = [`name: ${q(name)}`];
      if (chance(rng, 0.7)) lines.push(`description: ${q(`Reporting on ${subject.toLowerCase()} in ${region}: ${pick(rng, NOUNS)}s, ${pick(rng, ACTORS)} & the people affected.`)}`);
      return { id, yaml: `${lines.join('\n')}\n` };
    });
}

function makeAuthors(seed: number): Named[] {
  const rng = mulberry32(subSeed(seed, 0xa7405));
  const taken = new Set<string>();
  const people = shuffled(rng, FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => ({ first, last }))));
  const authors: Named[] = [];
  for (let i = 0; i < AUTHOR_COUNT; i++) {
    const { first, last } = people[i] as { first: string; last: string };
    const cjk = i < CJK_NAMES.length ? CJK_NAMES[i] : undefined;
    const name = cjk === undefined ? `${first} ${last}` : `${first} ${last} (${cjk})`;
    const id = uniqueId(slugify(`${first} ${last}`), taken, 'author');
    const lines = [`name: ${q(name)}`];
    if (chance(rng, 0.6)) lines.push(`bio: ${q(`${first} covers ${pick(rng, SUBJECTS).toLowerCase()} from ${capitalise(pick(rng, CITIES).toLowerCase())}. Previously at “The ${last} Gazette” & other papers.`)}`);
    if (chance(rng, 0.4)) lines.push(`url: ${q(`https://example.org/staff/${id}`)}`);
    authors.push({ id, yaml: `${lines.join('\n')}\n` });
  }
  return authors;
}

// ---------------------------------------------------------------- article text

function headline(rng: Rng): string {
  const [region] = pick(rng, REGIONS);
  const base = `${region} ${pick(rng, ACTORS)} ${pick(rng, VERBS)} ${pick(rng, ADJECTIVES)} ${pick(rng, NOUNS)} ${pick(rng, CONNECTORS)} ${pick(rng, EVENTS)}`;
  return chance(rng, 0.15) ? pick(rng, AWKWARD)(base) : base;
}

function sentence(rng: Rng): string {
  const words: string[] = [];
  const length = int(rng, 12, 26);
  let start = int(rng, 0, FILLER.length - 1);
  while (words.length < length) {
    words.push(FILLER[start % FILLER.length] as string);
    start += chance(rng, 0.7) ? 1 : int(rng, 2, 9);
  }
  if (chance(rng, 0.25)) words.splice(int(rng, 2, words.length - 1), 0, `the ${pick(rng, NOUNS)}`);
  if (chance(rng, 0.1)) words.splice(int(rng, 2, words.length - 1), 0, 'officials’');
  return `${capitalise(words.join(' '))}.`;
}

function link(rng: Rng): string {
  const noun = pick(rng, NOUNS);
  return `[the ${noun} report](https://example.org/reports/${slugify(noun)}-${int(rng, 100, 9999)})`;
}

function paragraph(rng: Rng): string {
  const sentences: string[] = [];
  const count = int(rng, 3, 6);
  for (let i = 0; i < count; i++) sentences.push(sentence(rng));
  if (chance(rng, 0.35)) {
    const i = int(rng, 0, sentences.length - 1);
    sentences[i] = `${(sentences[i] as string).slice(0, -1)}, as set out in ${link(rng)}.`;
  }
  return sentences.join(' ');
}

function quote(rng: Rng, speaker: string): string {
  const said = `“${sentence(rng).slice(0, -1)},” said ${speaker}, ${pick(rng, ROLES)} ${pick(rng, ORGS)}.`;
  return chance(rng, 0.5) ? `${said} “${sentence(rng)}”` : said;
}

function list(rng: Rng): string {
  const ordered = chance(rng, 0.4);
  const items: string[] = [];
  const count = int(rng, 3, 5);
  for (let i = 0; i < count; i++) {
    const item = `${capitalise(pick(rng, ACTORS))} ${pick(rng, VERBS)} the ${pick(rng, NOUNS)} (${int(rng, 2, 98)}% of ${pick(rng, ['votes', 'respondents', 'districts', 'cases'])})`;
    items.push(ordered ? `${i + 1}. ${item}` : `- ${item}`);
  }
  return items.join('\n');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const MIN_BODY_WORDS = 400;
const MAX_BODY_WORDS = 1200;

/** One body: a lead paragraph, then sections under `##` headings, with quotes, links and lists. */
function body(rng: Rng, speaker: string): { text: string; words: number } {
  const target = int(rng, MIN_BODY_WORDS, MAX_BODY_WORDS);
  const headingsLeft = shuffled(rng, HEADING_WORDS).slice(0, int(rng, 2, 4));
  const blocks = [paragraph(rng)];
  let words = wordCount(blocks[0] as string);
  let sinceHeading = 1;
  while (words < target) {
    let block: string;
    if (sinceHeading >= 3 && headingsLeft.length > 0 && chance(rng, 0.4)) {
      block = `## ${headingsLeft.shift() as string}`;
      sinceHeading = 0;
    } else if (chance(rng, 0.15)) block = quote(rng, speaker);
    else if (chance(rng, 0.06)) block = `> ${sentence(rng)} ${sentence(rng)}`;
    else if (chance(rng, 0.07)) block = list(rng);
    else block = paragraph(rng);
    const blockWords = wordCount(block);
    if (words + blockWords > MAX_BODY_WORDS) break;
    blocks.push(block);
    words += blockWords;
    sinceHeading++;
  }
  return { text: `${blocks.join('\n\n')}\n`, words };
}

// ---------------------------------------------------------------- articles

interface ArticleMeta {
  slug: string;
  year: string;
  frontmatter: string;
}

function pickDistinct(rng: Rng, ids: readonly string[], count: number): string[] {
  const out = new Set<string>();
  while (out.size < Math.min(count, ids.length)) out.add(pick(rng, ids));
  return [...out];
}

function dates(rng: Rng): { published: string; updated: string | undefined } {
  const ms = FIRST_INSTANT_MS + Math.floor((rng() * (LAST_INSTANT_MS - FIRST_INSTANT_MS)) / 300_000) * 300_000;
  const offset = pick(rng, OFFSETS_MIN);
  const published = formatInstant(ms, offset, chance(rng, 0.5));
  if (!chance(rng, 0.3)) return { published, updated: undefined };
  const laterMs = ms + int(rng, 1, 60 * 24 * 30) * 60_000;
  const updatedOffset = chance(rng, 0.8) ? offset : pick(rng, OFFSETS_MIN);
  return { published, updated: formatInstant(laterMs, updatedOffset, true) };
}

function articleMeta(rng: Rng, i: number, ctx: { slugs: string[]; taken: Set<string>; topics: string[]; authors: string[] }): ArticleMeta {
  const title = clip(headline(rng), 200);
  const slug = uniqueId(slugify(title), ctx.taken, `article-${i + 1}`);
  const { published, updated } = dates(rng);
  const lines = ['---', `headline: ${q(title)}`, `standfirst: ${q(clip(`${sentence(rng)} ${sentence(rng)}`, 400))}`, 'topics:'];
  for (const t of pickDistinct(rng, ctx.topics, int(rng, 1, 3))) lines.push(`- ${t}`);
  if (chance(rng, 0.85)) {
    lines.push('authors:');
    for (const a of pickDistinct(rng, ctx.authors, chance(rng, 0.8) ? 1 : 2)) lines.push(`- ${a}`);
  }
  lines.push(`publishedAt: ${q(published)}`);
  if (updated !== undefined) lines.push(`updatedAt: ${q(updated)}`);
  if (chance(rng, 0.6)) lines.push(`dateline: ${q(pick(rng, CITIES))}`);
  if (ctx.slugs.length > 0 && chance(rng, 0.4)) {
    lines.push('related:');
    for (const r of pickDistinct(rng, ctx.slugs, int(rng, 1, 3))) lines.push(`- ${r}`);
  }
  lines.push('---');
  return { slug, year: published.slice(0, 4), frontmatter: lines.join('\n') };
}

function writeFile(file: string, text: string): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return Buffer.byteLength(text);
}

function resetDirs(out: string): void {
  for (const sub of ['articles', 'topics', 'authors']) fs.rmSync(path.join(out, sub), { recursive: true, force: true });
}

/**
 * Write a corpus of `opts.n` articles plus 200 topics and 50 authors under `opts.out`.
 * Deterministic for a given seed. Returns counts and the total size written in bytes.
 */
export function generateCorpus(opts: CorpusOptions): CorpusSummary {
  resetDirs(opts.out);
  const topics = makeTopics(opts.seed);
  const authors = makeAuthors(opts.seed);
  let bytes = 0;
  for (const t of topics) bytes += writeFile(path.join(opts.out, 'topics', `${t.id}.yaml`), t.yaml);
  for (const a of authors) bytes += writeFile(path.join(opts.out, 'authors', `${a.id}.yaml`), a.yaml);
  const ctx = { slugs: [] as string[], taken: new Set<string>(), topics: topics.map((t) => t.id), authors: authors.map((a) => a.id) };
  const articleFiles: string[] = [];
  let bodyWords = 0;
  for (let i = 0; i < opts.n; i++) {
    const rng = mulberry32(subSeed(opts.seed, i + 1));
    const meta = articleMeta(rng, i, ctx);
    const text = body(rng, `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`);
    const rel = path.join('articles', meta.year, `${meta.slug}.md`);
    bytes += writeFile(path.join(opts.out, rel), `${meta.frontmatter}\n\n${text.text}`);
    bodyWords += text.words;
    ctx.slugs.push(meta.slug);
    articleFiles.push(rel);
  }
  articleFiles.sort();
  return { articles: opts.n, topics: topics.length, authors: authors.length, bodyWords, bytes, articleFiles };
}

function main(): void {
  const { values } = parseArgs({
    options: { n: { type: 'string', default: '1000' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } },
  });
  const n = Number(values.n);
  const seed = Number(values.seed);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed) || values.out === undefined) {
    console.error('usage: node bench/generate-corpus.ts --n <articles> --seed <int> --out <dir>');
    process.exit(2);
  }
  const summary = generateCorpus({ n, seed, out: path.resolve(values.out) });
  const mb = (summary.bytes / 1e6).toFixed(1);
  console.log(`wrote ${summary.articles} articles (${summary.bodyWords} body words), ${summary.topics} topics, ${summary.authors} authors, ${mb} MB to ${values.out}`);
}

if (import.meta.main) main();
