import { afterEach, describe, expect, it } from 'vitest';
import {
  DATE_TIME_EXAMPLE,
  explainDateTimeProblem,
  formatCalendarDate,
  formatCardTime,
  formatDateTime,
  formatShortDate,
  formatTimeOfDay,
  formatUpdateTime,
  offsetMinutes,
  parseDateTime,
  toZonedIsoString,
  zonedDateKey,
  type DisplayOptions,
} from '../../src/lib/dates.ts';
import { SEED_PUBLISHED, SEED_UPDATED } from './make-article.ts';

/** The newsroom settings of the site: Hong Kong time, British English, "HKT" label. */
const HK: DisplayOptions = { timeZone: 'Asia/Hong_Kong', locale: 'en-GB', timeZoneLabelLocale: 'en-HK' };

/** 23:30 UTC on Sunday 20 November is already 07:30 on Monday 21 November in Hong Kong. */
const LATE_UTC_SUNDAY = new Date('2016-11-20T23:30:00Z');

describe('explainDateTimeProblem', () => {
  it.each([
    ['the seed publication time with a +08:00 offset', '2016-11-20T13:03:00+08:00'],
    ['UTC written as Z', '2016-11-20T05:03:00Z'],
    ['a negative offset', '2016-11-19T22:03:00-07:00'],
    ['a half-hour offset', '2016-11-20T10:33:00+05:30'],
    ['hours and minutes without seconds', '2016-11-20T13:03+08:00'],
    ['fractional seconds (milliseconds)', '2016-11-20T13:03:00.123+08:00'],
    ['fractional seconds (nanoseconds)', '2016-11-20T13:03:00.123456789Z'],
    ['29 February of a leap year', '2024-02-29T12:00:00Z'],
    ['the last second of a day', '2016-11-20T23:59:59+08:00'],
    ['midnight written as 00:00', '2016-11-21T00:00:00+08:00'],
  ])('accepts %s', (_, value) => {
    expect(explainDateTimeProblem(value)).toBeNull();
  });

  it('rejects a date-only value and says it has no time or offset', () => {
    const message = explainDateTimeProblem('2016-11-20');
    expect(message).toMatch(/^date-only value "2016-11-20" has no time or offset/);
  });

  it.each([['2016-11-20T13:03:00'], ['2016-11-20T13:03'], ['2016-11-20 13:03:00'], ['2016-11-20T13:03:00.5']])(
    'rejects the offset-less value %s as ambiguous',
    (value) => {
      expect(explainDateTimeProblem(value)).toBe(
        `"${value}" has no offset, so its instant is ambiguous: write a quoted ISO 8601 date-time with Z or an offset, e.g. ${DATE_TIME_EXAMPLE}`,
      );
    },
  );

  it.each([
    ['words', 'next tuesday'],
    ['an empty string', ''],
    ['an offset without a colon', '2016-11-20T13:03:00+0800'],
    ['an offset without minutes', '2016-11-20T13:03:00+08'],
    ['a one-digit offset hour', '2016-11-20T13:03:00+8:00'],
    ['a space instead of T before an offset', '2016-11-20 13:03:00+08:00'],
    ['lower-case t and z', '2016-11-20t13:03:00z'],
    ['ten fractional digits', '2016-11-20T13:03:00.1234567890Z'],
    ['leading whitespace', ' 2016-11-20T13:03:00Z'],
    ['a US-style date', '11/20/2016 1:03pm'],
  ])('rejects %s as not ISO 8601', (_, value) => {
    expect(explainDateTimeProblem(value)).toBe(
      `"${value}" is not an ISO 8601 date-time: write a quoted ISO 8601 date-time with Z or an offset, e.g. ${DATE_TIME_EXAMPLE}`,
    );
  });

  it.each([
    ['30 February', '2026-02-30T10:00:00Z'],
    ['29 February of a common year', '2026-02-29T10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00+08:00'],
    ['month 13 day 45', '2026-13-45T10:00:00Z'],
    ['month 00', '2026-00-10T10:00:00Z'],
    ['day 00', '2026-01-00T10:00:00Z'],
  ])('rejects %s as not a real calendar date', (_, value) => {
    expect(explainDateTimeProblem(value)).toMatch(new RegExp(`^"${value.replace(/[+.]/g, '\\$&')}" is not a real calendar date: `));
  });

  it.each([
    ['24:00', '2016-11-20T24:00:00+08:00'],
    ['minute 60', '2016-11-20T12:60:00Z'],
    ['a leap second', '2016-12-31T23:59:60Z'],
  ])('rejects %s as not a real time of day', (_, value) => {
    expect(explainDateTimeProblem(value)).toMatch(/is not a real time of day: /);
  });

  it.each([['+24:00'], ['-25:00'], ['+08:60']])('rejects the offset %s as impossible', (offset) => {
    expect(explainDateTimeProblem(`2016-11-20T13:03:00${offset}`)).toMatch(/has an impossible offset: /);
  });

  it('ends every rejection with the quoted example of how to write it', () => {
    for (const value of ['2016-11-20', '2016-11-20T13:03:00', 'next tuesday', '2026-02-30T00:00:00Z', '2016-11-20T24:00:00Z']) {
      expect(explainDateTimeProblem(value)).toMatch(/e\.g\. "2016-11-20T13:03:00\+08:00"$/);
    }
  });
});

describe('parseDateTime', () => {
  it('returns the instant of the seed publication time (05:03 UTC)', () => {
    expect(parseDateTime('2016-11-20T13:03:00+08:00').toISOString()).toBe('2016-11-20T05:03:00.000Z');
  });

  it('gives the same instant for the same moment written with different offsets', () => {
    expect(parseDateTime('2016-11-20T05:03:00Z').getTime()).toBe(parseDateTime('2016-11-20T13:03:00+08:00').getTime());
    expect(parseDateTime('2016-11-19T21:03:00-08:00').getTime()).toBe(SEED_PUBLISHED.getTime());
  });

  it('keeps milliseconds', () => {
    expect(parseDateTime('2016-11-20T13:03:00.250+08:00').toISOString()).toBe('2016-11-20T05:03:00.250Z');
  });

  it('reads a time without seconds as whole minutes', () => {
    expect(parseDateTime('2016-11-20T13:03+08:00').toISOString()).toBe('2016-11-20T05:03:00.000Z');
  });

  it.each([['2016-11-20'], ['2016-11-20T13:03:00'], ['next tuesday'], ['2026-02-30T10:00:00Z'], ['2016-11-20T24:00:00Z']])(
    'throws a RangeError carrying the explanation for %s',
    (value) => {
      expect(() => parseDateTime(value)).toThrow(RangeError);
      expect(() => parseDateTime(value)).toThrow(explainDateTimeProblem(value)!);
    },
  );
});

describe('offsetMinutes', () => {
  it('is +480 for Hong Kong', () => {
    expect(offsetMinutes(SEED_PUBLISHED, 'Asia/Hong_Kong')).toBe(480);
  });

  it('follows daylight saving time in London (0 in winter, +60 in summer)', () => {
    expect(offsetMinutes(new Date('2024-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(offsetMinutes(new Date('2024-07-01T12:00:00Z'), 'Europe/London')).toBe(60);
  });

  it('changes at the exact instant clocks go forward (01:00 UTC, 31 March 2024, London)', () => {
    expect(offsetMinutes(new Date('2024-03-31T00:59:59Z'), 'Europe/London')).toBe(0);
    expect(offsetMinutes(new Date('2024-03-31T01:00:00Z'), 'Europe/London')).toBe(60);
  });

  it('handles half-hour and quarter-hour zones, east and west', () => {
    expect(offsetMinutes(SEED_PUBLISHED, 'Asia/Kolkata')).toBe(330);
    expect(offsetMinutes(SEED_PUBLISHED, 'Asia/Kathmandu')).toBe(345);
    expect(offsetMinutes(new Date('2024-07-01T12:00:00Z'), 'America/St_Johns')).toBe(-150);
  });

  it('is not thrown off by milliseconds in the instant', () => {
    expect(offsetMinutes(new Date('2016-11-20T05:03:00.999Z'), 'UTC')).toBe(0);
    expect(offsetMinutes(new Date('1960-01-01T00:00:00.500Z'), 'UTC')).toBe(0);
  });
});

describe('toZonedIsoString', () => {
  it('writes the seed publication time in Hong Kong time with its offset', () => {
    expect(toZonedIsoString(SEED_PUBLISHED, 'Asia/Hong_Kong')).toBe('2016-11-20T13:03:00+08:00');
    expect(toZonedIsoString(SEED_UPDATED, 'Asia/Hong_Kong')).toBe('2016-11-20T22:45:00+08:00');
  });

  it('writes the Hong Kong calendar day, not the UTC one, for a late-UTC instant', () => {
    expect(toZonedIsoString(LATE_UTC_SUNDAY, 'Asia/Hong_Kong')).toBe('2016-11-21T07:30:00+08:00');
  });

  it('uses +00:00 in a London winter and +01:00 in a London summer', () => {
    expect(toZonedIsoString(new Date('2024-01-15T12:00:00Z'), 'Europe/London')).toBe('2024-01-15T12:00:00+00:00');
    expect(toZonedIsoString(new Date('2024-07-01T12:00:00Z'), 'Europe/London')).toBe('2024-07-01T13:00:00+01:00');
  });

  it('writes half-hour and negative offsets', () => {
    expect(toZonedIsoString(new Date('2024-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2024-07-01T17:30:00+05:30');
    expect(toZonedIsoString(new Date('2024-07-01T12:00:00Z'), 'America/St_Johns')).toBe('2024-07-01T09:30:00-02:30');
    expect(toZonedIsoString(new Date('2024-07-01T12:00:00Z'), 'America/New_York')).toBe('2024-07-01T08:00:00-04:00');
  });

  it('writes midnight as 00, never 24', () => {
    expect(toZonedIsoString(new Date('2016-11-20T16:00:00Z'), 'Asia/Hong_Kong')).toBe('2016-11-21T00:00:00+08:00');
  });

  it('round-trips: parsing the result gives back the same instant (whole seconds)', () => {
    for (const zone of ['Asia/Hong_Kong', 'Europe/London', 'Asia/Kolkata', 'America/St_Johns']) {
      expect(parseDateTime(toZonedIsoString(SEED_PUBLISHED, zone)).getTime()).toBe(SEED_PUBLISHED.getTime());
    }
  });
});

describe('zonedDateKey', () => {
  it('gives the Hong Kong calendar date of an instant', () => {
    expect(zonedDateKey(SEED_PUBLISHED, 'Asia/Hong_Kong')).toBe('2016-11-20');
  });

  it('differs from the UTC date when Hong Kong is already on the next day', () => {
    expect(LATE_UTC_SUNDAY.toISOString().slice(0, 10)).toBe('2016-11-20');
    expect(zonedDateKey(LATE_UTC_SUNDAY, 'Asia/Hong_Kong')).toBe('2016-11-21');
  });

  it('changes day exactly at Hong Kong midnight (16:00 UTC)', () => {
    expect(zonedDateKey(new Date('2016-11-20T15:59:59Z'), 'Asia/Hong_Kong')).toBe('2016-11-20');
    expect(zonedDateKey(new Date('2016-11-20T16:00:00Z'), 'Asia/Hong_Kong')).toBe('2016-11-21');
  });
});

describe('formatTimeOfDay', () => {
  it('writes the seed publication time as "1:03pm HKT"', () => {
    expect(formatTimeOfDay(SEED_PUBLISHED, HK)).toBe('1:03pm HKT');
  });

  it('writes the seed update time as "10:45pm HKT"', () => {
    expect(formatTimeOfDay(SEED_UPDATED, HK)).toBe('10:45pm HKT');
  });

  it('writes midnight as "12:00am" and noon as "12:00pm"', () => {
    expect(formatTimeOfDay(new Date('2016-11-20T00:00:00+08:00'), HK)).toBe('12:00am HKT');
    expect(formatTimeOfDay(new Date('2016-11-20T12:00:00+08:00'), HK)).toBe('12:00pm HKT');
  });

  it('keeps the leading zero of minutes but not of hours', () => {
    expect(formatTimeOfDay(new Date('2016-11-20T09:05:00+08:00'), HK)).toBe('9:05am HKT');
  });
});

describe('formatCalendarDate', () => {
  it('writes weekday, day, month name and year: "Sunday, 20 November 2016"', () => {
    expect(formatCalendarDate(SEED_PUBLISHED, HK)).toBe('Sunday, 20 November 2016');
  });

  it('uses the Hong Kong calendar day for an instant that is still Sunday in UTC', () => {
    expect(formatCalendarDate(LATE_UTC_SUNDAY, HK)).toBe('Monday, 21 November 2016');
  });
});

describe('formatDateTime', () => {
  it('writes the seed publication as "Sunday, 20 November 2016, 1:03pm HKT"', () => {
    expect(formatDateTime(SEED_PUBLISHED, HK)).toBe('Sunday, 20 November 2016, 1:03pm HKT');
  });

  it('writes 23:30 UTC on a Sunday as Monday morning in Hong Kong', () => {
    expect(formatDateTime(LATE_UTC_SUNDAY, HK)).toBe('Monday, 21 November 2016, 7:30am HKT');
  });

  describe('does not depend on the time zone of the build machine', () => {
    const originalTz = process.env['TZ'];
    afterEach(() => {
      if (originalTz === undefined) delete process.env['TZ'];
      else process.env['TZ'] = originalTz;
    });

    it.each([
      ['America/Los_Angeles', 21],
      ['Pacific/Kiritimati', 19],
      ['UTC', 5],
    ])('gives the same text when TZ=%s', (tz, localHourOfSeed) => {
      process.env['TZ'] = tz;
      // The machine clock really is in that zone now (Node re-reads TZ when it changes).
      expect(SEED_PUBLISHED.getHours()).toBe(localHourOfSeed);
      expect(formatDateTime(SEED_PUBLISHED, HK)).toBe('Sunday, 20 November 2016, 1:03pm HKT');
      expect(formatDateTime(LATE_UTC_SUNDAY, HK)).toBe('Monday, 21 November 2016, 7:30am HKT');
    });
  });
});

describe('formatUpdateTime', () => {
  it('shows only "10:45pm HKT" for the seed update, which is on the same Hong Kong day', () => {
    expect(formatUpdateTime(SEED_PUBLISHED, SEED_UPDATED, HK)).toBe('10:45pm HKT');
  });

  it('shows the full date for an update on the next Hong Kong day', () => {
    expect(formatUpdateTime(SEED_PUBLISHED, new Date('2016-11-21T00:10:00+08:00'), HK)).toBe(
      'Monday, 21 November 2016, 12:10am HKT',
    );
  });

  it('compares Hong Kong days, not UTC days', () => {
    // Published 07:00 HKT Sunday (Saturday 23:00 UTC); updated 20:00 HKT Sunday (12:00 UTC):
    // different UTC dates, same Hong Kong date, so only the time is shown.
    const published = new Date('2016-11-20T07:00:00+08:00');
    const updated = new Date('2016-11-20T20:00:00+08:00');
    expect(formatUpdateTime(published, updated, HK)).toBe('8:00pm HKT');
    // Published and updated on the same UTC date but on different Hong Kong dates.
    expect(formatUpdateTime(SEED_PUBLISHED, LATE_UTC_SUNDAY, HK)).toBe('Monday, 21 November 2016, 7:30am HKT');
  });

  it('shows the full date for an update a year later on the same day of the month', () => {
    expect(formatUpdateTime(SEED_PUBLISHED, new Date('2017-11-20T13:03:00+08:00'), HK)).toBe(
      'Monday, 20 November 2017, 1:03pm HKT',
    );
  });
});

describe('formatShortDate', () => {
  it('writes "20 November 2016" for the seed article', () => {
    expect(formatShortDate(SEED_PUBLISHED, HK)).toBe('20 November 2016');
  });

  it('uses the Hong Kong date for a late-UTC instant', () => {
    expect(formatShortDate(LATE_UTC_SUNDAY, HK)).toBe('21 November 2016');
  });
});

describe('formatCardTime', () => {
  it('gives the time of day for a story published on the day of the build, in Hong Kong', () => {
    expect(formatCardTime(SEED_PUBLISHED, new Date('2016-11-20T23:59:00+08:00'), HK)).toBe('1:03pm HKT');
  });

  it('gives the date for a story from an earlier Hong Kong day, even less than 24 hours old', () => {
    // 13:03 HKT on the 20th, built at 00:10 HKT on the 21st: eleven hours later, another day.
    expect(formatCardTime(SEED_PUBLISHED, new Date('2016-11-21T00:10:00+08:00'), HK)).toBe('20 November 2016');
  });

  it('decides "today" in the newsroom zone, not in UTC', () => {
    // 2016-11-20T16:30Z is 00:30 on the 21st in Hong Kong; so is the clock: same HK day.
    const story = new Date('2016-11-20T16:30:00Z');
    expect(formatCardTime(story, new Date('2016-11-21T10:00:00+08:00'), HK)).toBe('12:30am HKT');
    // The same story seen from a clock at 23:00 UTC on the 20th (07:00 HKT on the 21st): still today.
    expect(formatCardTime(story, new Date('2016-11-20T23:00:00Z'), HK)).toBe('12:30am HKT');
  });
});

describe('formats in Japanese', () => {
  const JA: DisplayOptions = { ...HK, locale: 'ja' };
  it('writes dates and times the Japanese way, in Hong Kong time with its label', () => {
    expect(formatDateTime(SEED_PUBLISHED, JA)).toBe('2016年11月20日日曜日 13:03 HKT');
    expect(formatTimeOfDay(SEED_UPDATED, JA)).toBe('22:45 HKT');
    expect(formatShortDate(SEED_PUBLISHED, JA)).toBe('2016年11月20日');
    expect(formatCardTime(SEED_PUBLISHED, new Date('2016-11-20T20:00:00+08:00'), JA)).toBe('13:03 HKT');
  });
});
