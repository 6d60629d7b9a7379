/**
 * The practical lower bound for building the site: no framework, no bundler.
 *
 *   node bench/lower-bound.ts --content <corpus dir> --out <dir>
 *
 * Reads every `articles/**\/*.md`, splits off the frontmatter, parses it with `yaml`, renders
 * the body with markdown-it (smart quotes on, raw HTML off, like a newsroom pipeline would),
 * wraps it in a minimal HTML page and writes `<out>/articles/<slug>/index.html`, one per article.
 * Anything a real site does on top of this (layouts, topic pages, feeds, sitemaps, asset
 * bundling, validation) is extra work that this reference does not do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';

/** One article split into parsed frontmatter and its Markdown body. */
export interface SplitArticle {
  data: Record<string, unknown>;
  body: string;
}

/** What {@link buildLowerBound} produced. */
export interface LowerBoundSummary {
  pages: number;
  /** Total size of the HTML written, in bytes. */
  bytes: number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Split a Markdown file's text into YAML frontmatter (parsed) and body; no frontmatter gives `{}`. */
export function splitFrontmatter(text: string): SplitArticle {
  const match = FRONTMATTER.exec(text);
  if (match === null) return { data: {}, body: text };
  const parsed: unknown = parseYaml(match[1] ?? '');
  const data = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  return { data, body: text.slice(match[0].length) };
}

/** Escape text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A minimal but complete HTML page for one article. */
export function pageHtml(data: Record<string, unknown>, bodyHtml: string): string {
  const headline = escapeHtml(str(data['headline']));
  const standfirst = escapeHtml(str(data['standfirst']));
  const published = escapeHtml(str(data['publishedAt']));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${headline}</title><meta name="description" content="${standfirst}"></head>
<body><article><h1>${headline}</h1><p>${standfirst}</p><time datetime="${published}">${published}</time>
${bodyHtml}</article></body></html>
`;
}

function listMarkdown(dir: string): string[] {
  const entries = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' });
  return entries.filter((rel) => rel.endsWith('.md')).sort();
}

/**
 * Render every article under `<contentDir>/articles` into `<outDir>/articles/<slug>/index.html`.
 * Returns the page count and bytes written.
 */
export function buildLowerBound(contentDir: string, outDir: string): LowerBoundSummary {
  const md = new MarkdownIt({ html: false, typographer: true });
  const articlesDir = path.join(contentDir, 'articles');
  let bytes = 0;
  const files = listMarkdown(articlesDir);
  for (const rel of files) {
    const { data, body } = splitFrontmatter(fs.readFileSync(path.join(articlesDir, rel), 'utf8'));
    const html = pageHtml(data, md.render(body));
    const dir = path.join(outDir, 'articles', path.basename(rel, '.md'));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'index.html'), html);
    bytes += Buffer.byteLength(html);
  }
  return { pages: files.length, bytes };
}

function main(): void {
  const { values } = parseArgs({ options: { content: { type: 'string' }, out: { type: 'string' } } });
  if (values.content === undefined || values.out === undefined) {
    console.error('usage: node bench/lower-bound.ts --content <corpus dir> --out <dir>');
    process.exit(2);
  }
  const summary = buildLowerBound(path.resolve(values.content), path.resolve(values.out));
  console.log(`wrote ${summary.pages} pages, ${(summary.bytes / 1e6).toFixed(1)} MB`);
}

if (import.meta.main) main();
