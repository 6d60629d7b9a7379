import { site } from '../../site.config.ts';
import type { DisplayOptions } from '../dates.ts';

/** Date display options of this build: newsroom time zone and site language. */
export const displayOptions: DisplayOptions = {
  timeZone: site.timeZone,
  locale: site.language,
  timeZoneLabelLocale: site.timeZoneLabelLocale,
};

/**
 * Reader-facing name of the newsroom time zone, e.g. `Hong Kong Standard Time`
 * (`Intl` generic long name in the site language; the IANA name if none).
 */
export const timeZoneDisplayName: string =
  new Intl.DateTimeFormat(site.language, { timeZone: site.timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date(0))
    .find((p) => p.type === 'timeZoneName')?.value ?? site.timeZone;
