/** The build context handed to pages by the Dateline integration (src/integrations/dateline.ts). */
declare module 'virtual:dateline/build' {
  /** `null` outside `astro build` / `astro dev` (e.g. `astro check`). */
  export const buildContext: import('./lib/content/run.ts').BuildContext | null;
}

/** Porter2 (Snowball English) stemmer; expects a lower-case word, returns its stem. */
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}
