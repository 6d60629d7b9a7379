import { site } from '../site.config.ts';
import type { DisplayOptions } from './dates.ts';

/** Date display options of this build: newsroom time zone and site language. */
export const displayOptions: DisplayOptions = {
  timeZone: site.timeZone,
  locale: site.language,
  timeZoneLabelLocale: site.timeZoneLabelLocale,
};
