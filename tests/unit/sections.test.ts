import { describe, expect, it } from 'vitest';
import { groupBySection, sectionIndex } from '../../src/lib/sections.ts';
import { defaultSiteConfig, resolveSiteConfig, SiteConfigError } from '../../src/site.config.ts';
import { makeArticle } from './make-article.ts';

const config = {
  sections: [
    { id: 'world', name: 'World', description: 'World news.', topics: ['politics'] },
    { id: 'asia', name: 'Asia', description: 'Asian news.', topics: ['japan', 'nihon'] },
    { id: 'sport', name: 'Sport', description: 'Sport.', topics: ['baseball', 'yakyu'] },
  ],
  fallbackSection: 'world',
};
const topic = (id: string) => ({ id, name: id });

describe('sectionIndex', () => {
  const index = sectionIndex(config);

  it('puts an article in the section of its first listed topic', () => {
    expect(index.ofArticle({ topics: [topic('interviews'), topic('yakyu'), topic('japan')] }).id).toBe('sport');
    expect(index.ofArticle({ topics: [topic('japan'), topic('baseball')] }).id).toBe('asia');
  });

  it('puts an article none of whose topics is listed in the fallback section', () => {
    expect(index.ofArticle({ topics: [topic('interviews')] }).id).toBe('world');
  });

  it('gives an English topic and its Japanese twin the same section', () => {
    expect(index.ofTopic('baseball')?.id).toBe('sport');
    expect(index.ofTopic('yakyu')?.id).toBe('sport');
    expect(index.ofTopic('interviews')).toBeUndefined();
  });

  it('refuses a fallback that is not a section', () => {
    expect(() => sectionIndex({ ...config, fallbackSection: 'opinion' })).toThrow(/"opinion" is not a configured section/);
  });
});

describe('groupBySection', () => {
  it('lists every section, keeps the newest-first input order and files each article once', () => {
    const a = makeArticle({ id: 'a', topics: [topic('yakyu')] });
    const b = makeArticle({ id: 'b', topics: [topic('japan'), topic('baseball')] });
    const c = makeArticle({ id: 'c', topics: [topic('baseball')] });
    const groups = groupBySection([a, b, c], sectionIndex(config));
    expect([...groups.keys()]).toEqual(['world', 'asia', 'sport']);
    expect(groups.get('sport')!.map((x) => x.id)).toEqual(['a', 'c']);
    expect(groups.get('asia')!.map((x) => x.id)).toEqual(['b']);
    expect(groups.get('world')).toEqual([]);
  });
});

describe('site configuration of sections', () => {
  it('maps the bundled Japanese topics onto the same sections as their English twins', () => {
    const index = sectionIndex(resolveSiteConfig({}));
    for (const [en, ja] of [['baseball', 'yakyu'], ['sports', 'supotsu'], ['science-and-technology', 'kagaku'], ['space', 'uchu'], ['culture-and-entertainment', 'bunka']] as const) {
      expect(index.ofTopic(ja)?.id, ja).toBe(index.ofTopic(en)?.id);
    }
  });

  it('refuses a topic in two sections, naming both', () => {
    const sections = [...defaultSiteConfig.sections, { id: 'baseball-desk', name: 'Baseball', description: 'Baseball.', topics: ['baseball'] }];
    expect(() => resolveSiteConfig({}, { sections })).toThrow(SiteConfigError);
    expect(() => resolveSiteConfig({}, { sections })).toThrow(/topic "baseball" is also in section "sport"/);
  });

  it('refuses a section id that is another top-level page', () => {
    const sections = [{ id: 'topics', name: 'Topics', description: 'x', topics: [] }, ...defaultSiteConfig.sections];
    expect(() => resolveSiteConfig({}, { sections })).toThrow(/sections\.0\.id: is the name of another top-level page/);
  });

  it('refuses a fallback section that does not exist', () => {
    expect(() => resolveSiteConfig({}, { fallbackSection: 'opinion' })).toThrow(/fallbackSection: must be the id of one of the sections/);
  });
});
