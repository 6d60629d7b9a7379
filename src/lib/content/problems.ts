/** One thing wrong with a content file, reported as `file:line: field: message`. */
export interface ContentProblem {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** 1-based line in the file; 1 when no better line is known. */
  line: number;
  /** Frontmatter field path (`topics[1]`, `source.url`), or `frontmatter`/`file` for whole-file problems. */
  field: string;
  message: string;
}

/** `file:line: field: message` — one line, stable, grep-able. */
export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** Sort problems by file, then line, so reports are stable. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}

/** The line that ends a content report: `Dateline: the content has N problem(s); <outcome>.` */
export function problemsSummary(count: number, outcome: string): string {
  return `Dateline: the content has ${count} problem(s); ${outcome}.`;
}

/** Whether `line` (colour codes removed) is the line `problemsSummary` writes. */
export function isProblemsSummary(line: string): boolean {
  return /^Dateline: the content has \d+ problem\(s\); /.test(line);
}
