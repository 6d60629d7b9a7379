/**
 * Date-time rules and formatting for Dateline.
 *
 * Content stores instants as ISO 8601 / RFC 3339 strings that carry `Z` or a numeric
 * offset. Everything a reader sees is shown in the newsroom time zone (an IANA name from
 * the site configuration), never in the time zone of the build machine.
 */

/** RFC 3339 `date-time` (ISO 8601 profile) with a mandatory `Z` or `±hh:mm` offset. */
const DATE_TIME_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Supported years: 1800–9999. Four-digit years are spelled the same by every output
 * format (RFC 3339, RFC 822 in RSS, W3C Datetime in sitemaps, schema.org); before 1800 no
 * news archive Dateline serves has dated copy, and a year like 0001 is always a typo.
 */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 9999;
/** The latest instant accepted: a day before the end of {@link MAX_YEAR}, so every offset keeps a four-digit year. */
const LATEST_INSTANT = Date.UTC(MAX_YEAR, 11, 30, 0, 0, 0);

/** How an editor should write a time; quoted in every date error message. */
export const DATE_TIME_EXAMPLE = '"2016-11-20T13:03:00+08:00"';

/**
 * Check a frontmatter date-time string and explain what is wrong with it.
 *
 * Accepts `YYYY-MM-DDThh:mm[:ss[.fff]]` followed by `Z` or `±hh:mm` (RFC 3339 §5.6, with
 * seconds optional). Rejects date-only and offset-less values, because their instant would
 * depend on the build machine's time zone, and impossible calendar dates such as
 * `2026-02-30` (which `Date` would silently roll over).
 *
 * @param value - the raw string from frontmatter.
 * @param options.quoted - false for values that are not YAML (an environment variable): the
 *   advice then does not ask for quotes.
 * @returns `null` when valid, else a one-line English reason that ends with how to write it.
 */
export function explainDateTimeProblem(value: string, { quoted = true }: { quoted?: boolean } = {}): string | null {
  const how = quoted
    ? `write a quoted ISO 8601 date-time with Z or an offset, e.g. ${DATE_TIME_EXAMPLE}`
    : `write an ISO 8601 date-time with Z or an offset, e.g. ${DATE_TIME_EXAMPLE.slice(1, -1)}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `date-only value "${value}" has no time or offset: ${how}`;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) {
    return `"${value}" has no offset, so its instant is ambiguous: ${how}`;
  }
  const match = DATE_TIME_WITH_OFFSET.exec(value);
  if (!match) return `"${value}" is not an ISO 8601 date-time: ${how}`;
  const [, y, mo, d, h, mi, s, , zone, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return `"${value}" is not a real calendar date: ${how}`;
  if (year < MIN_YEAR) return `"${value}": year ${y} is before ${MIN_YEAR}, the earliest year Dateline supports: ${how}`;
  // Shown in any time zone the instant must keep a four-digit year.
  if (new Date(value).getTime() > LATEST_INSTANT) return `"${value}" is after ${MAX_YEAR}-12-30, the latest date Dateline supports: ${how}`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return `"${value}" is not a real time of day: ${how}`;
  if (zone !== 'Z' && (Number(oh) > 23 || Number(om) > 59)) return `"${value}" has an impossible offset: ${how}`;
  return null;
}

/**
 * Parse a date-time string that {@link explainDateTimeProblem} accepted.
 * @throws {RangeError} if the string is not a valid date-time with offset.
 */
export function parseDateTime(value: string): Date {
  const problem = explainDateTimeProblem(value);
  if (problem) throw new RangeError(problem);
  return new Date(value);
}

/**
 * `Intl.DateTimeFormat` construction costs far more than formatting (it loads locale and
 * time-zone data), and a build formats tens of thousands of times with a handful of option
 * sets, so formatters are made once per (locale, options) and reused.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

interface ZonedParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
}

function zonedParts(date: Date, timeZone: string): ZonedParts {
  const parts = formatter('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * Offset of `timeZone` from UTC at the instant `date`, in whole minutes (east positive).
 * Hong Kong gives 480.
 */
export function offsetMinutes(date: Date, timeZone: string): number {
  return offsetFromParts(date, zonedParts(date, timeZone));
}

function offsetFromParts(date: Date, p: ZonedParts): number {
  return Math.round(offsetSecondsFromParts(date, p) / 60);
}

/** Exact offset in seconds: local mean time offsets (Hong Kong before 1904: +7:36:42) keep their seconds. */
function offsetSecondsFromParts(date: Date, p: ZonedParts): number {
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(Number(p.year), Number(p.month) - 1, Number(p.day));
  asUtc.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  return Math.round((asUtc.getTime() - Math.floor(date.getTime() / 1000) * 1000) / 1000);
}

/**
 * The instant as an RFC 3339 string in the given time zone, with its numeric offset and
 * whole seconds: `2016-11-20T13:03:00+08:00` for the seed article in Asia/Hong_Kong.
 * Used for `<time datetime>`, JSON-LD and sitemap `lastmod` (W3C Datetime profile).
 *
 * An offset that is not a whole number of minutes (local mean time, e.g. Hong Kong's
 * +7:36:42 before 1904) cannot be written in RFC 3339, so such an instant is written in
 * UTC (`1900-01-01T00:00:00Z`): the string always means exactly the stored instant.
 * Sub-second parts are dropped (frontmatter times are whole seconds in practice).
 */
export function toZonedIsoString(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  if (offsetSecondsFromParts(date, p) % 60 !== 0) return `${date.toISOString().slice(0, 19)}Z`;
  const offset = offsetFromParts(date, p);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/** Calendar date (`YYYY-MM-DD`) of the instant in the given time zone. */
export function zonedDateKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Options for the house date formats. */
export interface DisplayOptions {
  /** IANA time zone of the newsroom, e.g. `Asia/Hong_Kong`. */
  timeZone: string;
  /** BCP 47 locale for weekday and month names, e.g. `en-GB`. */
  locale: string;
  /** Locale whose short zone names give the label, e.g. `en-HK` → `HKT`. */
  timeZoneLabelLocale: string;
}

function zoneLabel(date: Date, o: DisplayOptions): string {
  const parts = formatter(o.timeZoneLabelLocale, { timeZone: o.timeZone, timeZoneName: 'short' }).formatToParts(date);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? o.timeZone;
}

/**
 * The house formats below are English newsroom style; other languages get their own
 * conventions from `Intl` (Japanese: `2016年11月20日日曜日 13:03 HKT`), always in the newsroom
 * zone and with its label.
 */
function isEnglish(locale: string): boolean {
  return /^en\b/i.test(locale);
}

/** House time of day: `1:03pm HKT` (12-hour clock, lower-case am/pm, zone label); Japanese `13:03 HKT`. */
export function formatTimeOfDay(date: Date, o: DisplayOptions): string {
  if (!isEnglish(o.locale)) return `${formatter(o.locale, { timeZone: o.timeZone, hour: 'numeric', minute: '2-digit' }).format(date)} ${zoneLabel(date, o)}`;
  const parts = formatter(o.locale, {
    timeZone: o.timeZone,
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase().replace(/\s|\./g, '')} ${zoneLabel(date, o)}`;
}

/** House calendar date: `Sunday, 20 November 2016` (weekday, day, month name, year); Japanese `2016年11月20日日曜日`. */
export function formatCalendarDate(date: Date, o: DisplayOptions): string {
  if (!isEnglish(o.locale)) return formatter(o.locale, { timeZone: o.timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const parts = formatter(o.locale, {
    timeZone: o.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('weekday')}, ${get('day')} ${get('month')} ${get('year')}`;
}

/**
 * Full house date-time, as printed under a headline:
 * `Sunday, 20 November 2016, 1:03pm HKT` for the seed article.
 */
export function formatDateTime(date: Date, o: DisplayOptions): string {
  return isEnglish(o.locale) ? `${formatCalendarDate(date, o)}, ${formatTimeOfDay(date, o)}` : `${formatCalendarDate(date, o)} ${formatTimeOfDay(date, o)}`;
}

/**
 * Label for an update time relative to the publication time: only the time of day
 * (`10:45pm HKT`) when both fall on the same calendar day in the newsroom time zone,
 * else the full {@link formatDateTime}.
 */
export function formatUpdateTime(published: Date, updated: Date, o: DisplayOptions): string {
  return zonedDateKey(published, o.timeZone) === zonedDateKey(updated, o.timeZone)
    ? formatTimeOfDay(updated, o)
    : formatDateTime(updated, o);
}

/** Short listing date: `20 November 2016` in the newsroom time zone. */
export function formatShortDate(date: Date, o: DisplayOptions): string {
  return formatter(o.locale, { timeZone: o.timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/**
 * The time on a card or a headline list (the one rule for listings): the time of day
 * (`1:03pm HKT`) for a story published on the same calendar day as `now` in the newsroom
 * time zone, else the {@link formatShortDate} (`20 November 2016`).
 *
 * @param date - the story's public time.
 * @param now - the build clock: a static page says "today" as of its build.
 */
export function formatCardTime(date: Date, now: Date, o: DisplayOptions): string {
  return zonedDateKey(date, o.timeZone) === zonedDateKey(now, o.timeZone) ? formatTimeOfDay(date, o) : formatShortDate(date, o);
}
