/**
 * Parse one content file the way Astro's content layer does (js-yaml `load`, the same
 * frontmatter delimiters), and locate fields by line with the `yaml` package's positions,
 * so problems can say `file:line`.
 */
import * as jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';

/** Frontmatter block at the very top of a Markdown file (Astro's rule, `---` only). */
const FRONTMATTER = /^(?:\uFEFF?|\s*\n)---\r?\n([\s\S]*?\r?\n)?---(?:\r?\n|$)/;

/** Result of reading a YAML mapping (a data file or a frontmatter block). */
export type ParsedYaml =
  | { ok: true; data: unknown; lineOf: (path: readonly PropertyKey[]) => number }
  | { ok: false; line: number; message: string };

/**
 * Parse YAML text as Astro would; `firstLine` is the file line where `text` starts.
 * On a syntax error returns the 1-based file line and js-yaml's reason.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  let data: unknown;
  try {
    data = jsYaml.load(text);
  } catch (error) {
    const e = error as { mark?: { line: number }; reason?: string; message: string };
    const reported = e.mark?.line ?? 0;
    // js-yaml reports an unclosed quote where the stream ends; point at the line that opened it.
    const unclosed = findUnclosedQuote(text, reported);
    const hint = unclosed === null ? '' : ' (the quote opened on this line is never closed)';
    return { ok: false, line: firstLine + (unclosed ?? reported), message: `YAML syntax error: ${e.reason ?? e.message}${hint}` };
  }
  // Positions are only needed to report a problem, so the second (position-keeping) parse
  // runs lazily, at most once per file: valid files pay for js-yaml alone.
  let located: { doc: ReturnType<typeof parseDocument>; counter: LineCounter } | undefined;
  const lineOf = (path: readonly PropertyKey[]): number => {
    if (!located) {
      const counter = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: counter, keepSourceTokens: false }), counter };
    }
    const { doc, counter } = located;
    let node: unknown = doc.contents;
    let best = 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node | null;
        if (keyNode?.range) best = keyNode.range[0];
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
      } else break;
      const range = (node as Node | null | undefined)?.range;
      if (range) best = range[0];
    }
    return firstLine + counter.linePos(best).line - 1;
  };
  return { ok: true, data, lineOf };
}

/**
 * 0-based index of the last line at or before `uptoLine` whose value opens a quoted
 * scalar (`key: "…`, `- '…`) without closing it on that line, or `null` when there is none.
 */
export function findUnclosedQuote(text: string, uptoLine: number): number | null {
  const lines = text.split(/\r?\n/);
  let found: number | null = null;
  for (let i = 0; i <= Math.min(uptoLine, lines.length - 1); i++) {
    const match = /^\s*(?:-\s+|[^:#]+:\s+)(["'])(.*)$/.exec(lines[i]!);
    if (!match) continue;
    const [, quote, rest] = match;
    const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest!) : /'(?!')/.test(rest!.replace(/''/g, ''));
    if (!closed) found = i;
  }
  return found;
}

/** A Markdown file split into its frontmatter and body. */
export type SplitMarkdown =
  | { ok: true; frontmatter: string; frontmatterLine: number; body: string; bodyLine: number }
  | { ok: false; message: string };

/** Split a Markdown article into frontmatter text (starting at file line 2) and body. */
export function splitFrontmatter(source: string): SplitMarkdown {
  const match = FRONTMATTER.exec(source);
  if (!match) {
    return { ok: false, message: 'no frontmatter: an article must start with a --- block holding headline, standfirst, topics and publishedAt' };
  }
  const leading = source.slice(0, match.index + match[0].indexOf('---')).split('\n').length - 1;
  const bodyStart = match.index + match[0].length;
  const bodyLine = source.slice(0, bodyStart).split('\n').length;
  return { ok: true, frontmatter: match[1] ?? '', frontmatterLine: leading + 2, body: source.slice(bodyStart), bodyLine };
}
