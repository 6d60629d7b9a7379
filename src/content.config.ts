/**
 * Content collections: none. Dateline's content goes through its own pipeline
 * (src/lib/content/, docs/adr/0011-one-content-pipeline.md), which reads, validates and
 * renders every file once and hands pages a model; Astro's content layer would parse
 * everything a second time and keep every rendered body in one data store, which cannot
 * hold 100,000 articles.
 */
export const collections = {};
