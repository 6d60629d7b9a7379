import { describe, expect, it } from 'vitest';
import { displayOptionsFor, translator } from '../../src/lib/i18n.ts';
import en from '../../src/i18n/en.json' with { type: 'json' };
import ja from '../../src/i18n/ja.json' with { type: 'json' };

describe('translator', () => {
  it('gives Japanese furniture for a Japanese article and English for the site language', () => {
    expect(translator('ja', 'en-GB')('time.published')).toBe('公開');
    expect(translator('ja-JP', 'en-GB').lang).toBe('ja');
    expect(translator(undefined, 'en-GB')('time.published')).toBe('Published');
  });

  it('falls back to English for a language without a file', () => {
    const fr = translator('fr', 'en-GB');
    expect(fr.lang).toBe('en');
    expect(fr('article.related')).toBe('Related stories');
  });

  it('translates section names it knows and keeps the configured name otherwise', () => {
    expect(translator('ja', 'en-GB').section('asia', 'Asia')).toBe('アジア');
    expect(translator('ja', 'en-GB').section('opinion', 'Opinion')).toBe('Opinion');
    expect(translator('en', 'en-GB').section('asia', 'Asia')).toBe('Asia');
  });

  it('has every English key in Japanese', () => {
    expect(Object.keys(en).filter((k) => !(k in ja))).toEqual([]);
  });
});

describe('displayOptionsFor', () => {
  const base = { timeZone: 'Asia/Hong_Kong', locale: 'en-GB', timeZoneLabelLocale: 'en-HK' };
  it('keeps the site locale for English and switches the locale, not the zone, for Japanese', () => {
    expect(displayOptionsFor(undefined, base)).toBe(base);
    expect(displayOptionsFor('en', base)).toBe(base);
    expect(displayOptionsFor('ja', base)).toEqual({ ...base, locale: 'ja' });
  });
});
