/** The build's console and report (src/build/build-log.ts, src/build/change-list.ts). */
import { describe, expect, it } from 'vitest';
import { classifyLine, formatDuration, progressLine } from '../../src/build/build-log.ts';
import { diffManifests, urlPathOf } from '../../src/build/change-list.ts';

describe('reading Astro’s log', () => {
  it('recognises page lines, rendered and restored, with or without colour codes', () => {
    expect(classifyLine('09:40:51   ├─ /articles/a/index.html (+3ms)')).toEqual({ kind: 'page', path: '/articles/a/index.html', restored: false });
    expect(classifyLine('  \u001b[32m├─\u001b[39m \u001b[2m/rss.xml\u001b[22m \u001b[32m(restored)\u001b[39m')).toEqual({ kind: 'page', path: '/rss.xml', restored: true });
    expect(classifyLine('  └─ /topics/x/index.html (cached)')).toEqual({ kind: 'page', path: '/topics/x/index.html', restored: true });
  });

  it('recognises the phases and leaves other lines alone', () => {
    expect(classifyLine('[dateline] build clock: 2026-01-01T00:00:00.000Z')).toEqual({ kind: 'phase', phase: 'content check' });
    expect(classifyLine('09:40:49 [content] Syncing content')).toEqual({ kind: 'phase', phase: 'content sync' });
    expect(classifyLine('\u001b[42m generating static routes \u001b[49m')).toEqual({ kind: 'phase', phase: 'pages' });
    expect(classifyLine('09:40:51 [build] Complete!')).toEqual({ kind: 'other' });
    expect(classifyLine('09:40:49 [build] ✓ Completed in 1.26s.')).toEqual({ kind: 'other' });
  });

  it('formats progress with total, rate and time left; without a total, neither', () => {
    expect(progressLine(1234, 12145, 3000)).toBe('pages 1,234 / 12,145 · 411/s · about 26.5 s left');
    expect(progressLine(500, undefined, 1000)).toBe('pages 500 · 500/s');
    expect(progressLine(13000, 12145, 10000)).toBe('pages 13,000 / 13,000 · 1,300/s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});

describe('the change list', () => {
  it('maps output files to the URLs a host serves them at', () => {
    expect(urlPathOf('index.html')).toBe('/');
    expect(urlPathOf('articles/a/index.html')).toBe('/articles/a/');
    expect(urlPathOf('topics/x/rss.xml')).toBe('/topics/x/rss.xml');
  });

  it('lists added, changed and removed paths, sorted', () => {
    const before = { 'index.html': 'a', 'articles/old/index.html': 'b', 'rss.xml': 'c' };
    const after = { 'index.html': 'a2', 'articles/new/index.html': 'd', 'rss.xml': 'c' };
    expect(diffManifests(before, after)).toEqual({ added: ['/articles/new/'], changed: ['/'], removed: ['/articles/old/'] });
    expect(diffManifests(after, after)).toEqual({ added: [], changed: [], removed: [] });
  });
});
