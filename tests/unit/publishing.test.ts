import { describe, expect, it } from 'vitest';
import { decidePublicationState, nextStateChange } from '../../src/lib/content/publishing.ts';
import { resolveBuildClock, BuildClockError } from '../../src/lib/content/build-clock.ts';

const at = (s: string) => new Date(s);
const base = { draft: false, publishedAt: at('2026-03-02T09:00:00+08:00') };

describe('decidePublicationState', () => {
  it('publishes an article once the clock reaches publishedAt, and not a second before', () => {
    expect(decidePublicationState(base, at('2026-03-02T08:59:59+08:00'))).toBe('scheduled');
    expect(decidePublicationState(base, at('2026-03-02T09:00:00+08:00'))).toBe('published');
  });
  it('keeps an article embargoed until embargoUntil even when publishedAt has passed', () => {
    const a = { ...base, embargoUntil: at('2026-03-04T11:00:00+08:00') };
    expect(decidePublicationState(a, at('2026-03-04T10:59:59+08:00'))).toBe('embargoed');
    expect(decidePublicationState(a, at('2026-03-04T11:00:00+08:00'))).toBe('published');
  });
  it('takes an article down at expiresAt', () => {
    const a = { ...base, expiresAt: at('2026-03-10T00:00:00Z') };
    expect(decidePublicationState(a, at('2026-03-09T23:59:59Z'))).toBe('published');
    expect(decidePublicationState(a, at('2026-03-10T00:00:00Z'))).toBe('expired');
  });
  it('treats a draft as a draft whatever the times', () => {
    expect(decidePublicationState({ ...base, draft: true }, at('2030-01-01T00:00:00Z'))).toBe('draft');
  });
});

describe('nextStateChange', () => {
  it('returns the earliest future embargo lift, schedule or expiry', () => {
    const now = at('2026-03-04T00:00:00Z');
    const next = nextStateChange(
      [
        { ...base, expiresAt: at('2026-04-01T00:00:00Z') },
        { ...base, embargoUntil: at('2026-03-05T00:00:00Z') },
        { draft: false, publishedAt: at('2026-03-06T00:00:00Z') },
        { draft: true, publishedAt: at('2026-03-04T01:00:00Z') },
      ],
      now,
    );
    expect(next?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });
  it('returns null when nothing is pending', () => {
    expect(nextStateChange([base], at('2026-03-04T00:00:00Z'))).toBeNull();
  });
});

describe('resolveBuildClock', () => {
  it('uses DATELINE_NOW when set', () => {
    expect(resolveBuildClock({ DATELINE_NOW: '2016-11-20T13:03:00+08:00' }).toISOString()).toBe('2016-11-20T05:03:00.000Z');
  });
  it('uses the real time when DATELINE_NOW is absent or empty', () => {
    const real = at('2026-11-30T00:00:00Z');
    expect(resolveBuildClock({}, real)).toBe(real);
    expect(resolveBuildClock({ DATELINE_NOW: ' ' }, real)).toBe(real);
  });
  it('rejects a DATELINE_NOW without an offset, naming the variable', () => {
    expect(() => resolveBuildClock({ DATELINE_NOW: '2026-03-04T10:00:00' })).toThrow(BuildClockError);
    expect(() => resolveBuildClock({ DATELINE_NOW: '2026-03-04T10:00:00' })).toThrow(/^DATELINE_NOW: .*no offset/);
  });
});
