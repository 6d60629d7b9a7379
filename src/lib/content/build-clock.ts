import { explainDateTimeProblem } from '../dates.ts';

/** Thrown when `DATELINE_NOW` is not a valid date-time with offset. */
export class BuildClockError extends Error {
  override name = 'BuildClockError';
}

/**
 * The one clock of a build: every embargo, schedule and expiry decision uses it.
 *
 * @param env - reads `DATELINE_NOW`, an ISO 8601 date-time with `Z` or an offset, for
 *   reproducible builds and tests; empty or absent means the real current time.
 * @param realNow - the current time (injectable for tests).
 * @throws {BuildClockError} when `DATELINE_NOW` is set but invalid.
 */
export function resolveBuildClock(env: Record<string, string | undefined> = process.env, realNow = new Date()): Date {
  const raw = env['DATELINE_NOW']?.trim();
  if (!raw) return realNow;
  const problem = explainDateTimeProblem(raw, { quoted: false });
  if (problem) throw new BuildClockError(`DATELINE_NOW: ${problem}`);
  return new Date(raw);
}
