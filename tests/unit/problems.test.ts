import { describe, expect, it } from 'vitest';
import { formatProblem, isProblemsSummary, problemsSummary, sortProblems, type ContentProblem } from '../../src/lib/content/problems.ts';

const p = (file: string, line: number, field: string, message = 'm'): ContentProblem => ({ file, line, field, message });

describe('formatProblem', () => {
  it('writes one grep-able line: file:line: field: message', () => {
    expect(formatProblem(p('src/content/articles/2016/abe-putin.md', 8, 'publishedAt', 'date-only value "2016-11-20" has no time or offset'))).toBe(
      'src/content/articles/2016/abe-putin.md:8: publishedAt: date-only value "2016-11-20" has no time or offset',
    );
  });

  it('keeps list and nested field paths as given', () => {
    expect(formatProblem(p('a.md', 6, 'topics[1]', 'unknown topic id "atlantis"'))).toBe('a.md:6: topics[1]: unknown topic id "atlantis"');
    expect(formatProblem(p('a.md', 12, 'source.url', 'Invalid URL'))).toBe('a.md:12: source.url: Invalid URL');
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then field', () => {
    const sorted = sortProblems([p('b.md', 1, 'file'), p('a.md', 9, 'updatedAt'), p('a.md', 2, 'standfirst'), p('a.md', 2, 'headline')]);
    expect(sorted.map((x) => `${x.file}:${x.line}:${x.field}`)).toEqual(['a.md:2:headline', 'a.md:2:standfirst', 'a.md:9:updatedAt', 'b.md:1:file']);
  });

  it('orders line 10 after line 9 (numerically, not as text)', () => {
    expect(sortProblems([p('a.md', 10, 'x'), p('a.md', 9, 'x')]).map((x) => x.line)).toEqual([9, 10]);
  });

  it('returns a new array and keeps the input order', () => {
    const input = [p('b.md', 1, 'x'), p('a.md', 1, 'x')];
    const sorted = sortProblems(input);
    expect(sorted).not.toBe(input);
    expect(input[0]!.file).toBe('b.md');
  });
});

describe('problemsSummary', () => {
  it('ends a report with the count and the outcome, and is recognised as that line (the build wrapper reads it)', () => {
    expect(problemsSummary(2, 'nothing was built')).toBe('Dateline: the content has 2 problem(s); nothing was built.');
    expect(isProblemsSummary(problemsSummary(1, 'fix them before building'))).toBe(true);
    expect(isProblemsSummary(formatProblem(p('a.md', 1, 'body', 'Dateline: the content has 2 problem(s); x')))).toBe(false);
    expect(isProblemsSummary('Dateline: astro build failed (exit status 1)')).toBe(false);
  });
});
