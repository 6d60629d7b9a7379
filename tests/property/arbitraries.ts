/**
 * fast-check generators of articles for the property tests: frontmatter values and bodies
 * mixing ordinary copy with the inputs that broke earlier versions (control characters,
 * lone surrogates, bidi controls, entities, CDATA ends, script tags, percent-escapes,
 * long strings, odd years and offsets), written as the files an editor could save.
 */
import fc from 'fast-check';
import type { ContentFile } from '../../src/lib/content/files.ts';

/** The build clock of every generated site. */
export const NOW = new Date('2026-03-04T10:00:00+08:00');
/** Path of a generated article file, from its id. */
export const FILE_OF = (id: string) => `site/articles/${id}.md`;

const NASTY = [
  '\u0000', '\u0001', '\u0007', '\u000b', '\u001f', '\u007f', '\u0085', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069',
  '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\u2028', '\t', '\n', '\r\n',
  '&', '<', '>', '"', "'", '\\', ']]>', '<![CDATA[', '</script>', '<script>alert(1)</script>', '&amp;', '&lt;b&gt;', '&#0;', '&#x1;', '&#106;avascript:',
  '%', '%E0%A4%A', '%zz', 'javascript:alert(1)', '{{x}}', '${x}', '---', '# ', ': ', '- ', '*', '_',
  'é', '日本語', 'مرحبا', 'שלום', '👍🏽', '\u0301', ' ',
];
const WORDS = ['harbour', 'tunnel', 'reopens', 'ferry', 'fares', 'rise', 'council', 'vote', 'Hong Kong', 'Lima', 'the', 'a', 'of'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8, unit: 'grapheme-composite' }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'binary' }) },
);
/** Ordinary copy. */
const cleanText = fc.array(fc.constantFrom(...WORDS, 'é', '日本語', 'مرحبا', '&', '"quoted"', "it's", '<b>', '5 < 6'), { minLength: 1, maxLength: 8 }).map((p) => p.join(' '));
/** Hostile copy: control characters, surrogates, bidi, markup, escapes; sometimes far too long or empty. */
const hostileText = fc.oneof(
  { weight: 8, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join(' ')) },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 450 }) },
  { weight: 1, arbitrary: fc.constant('') },
);
/** One field of editor text: ordinary most of the time, so that whole articles still pass the check often. */
export const text = fc.oneof({ weight: 12, arbitrary: cleanText }, { weight: 1, arbitrary: hostileText });

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
/** A date-time string: mostly valid RFC 3339 with assorted offsets and years, sometimes not. */
export const dateTime = fc.oneof(
  {
    weight: 20,
    arbitrary: fc
      .record({
        year: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 2000, max: 2025 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999 }) }, { weight: 2, arbitrary: fc.constantFrom(1799, 1800, 1850, 1899, 1903, 1904, 9999) }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 28 }) }, { weight: 1, arbitrary: fc.integer({ min: 29, max: 31 }) }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        offset: fc.constantFrom('Z', '+08:00', '-05:00', '+05:45', '+14:00', '-12:00', '+00:00', '+07:36'),
      })
      .map((d) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:${pad(d.minute)}:${pad(d.second)}${d.offset}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('2026-02-30T10:00:00Z', 'next tuesday', '2026-03-01', '2026-03-01T10:00:00', '9999-12-31T23:59:59-12:00', '', '2026-03-01T25:00:00Z') },
);

/** A BCP 47-ish language tag, valid or not; right-to-left ones included. */
export const lang = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('ar', 'he', 'fa', 'ur', 'en', 'en-GB', 'ja', 'zh-Hant-HK', 'az-Arab') },
  { weight: 1, arbitrary: fc.constantFrom('x', 'en_GB', 'toolongtag', '日本', '') },
);

/** A time after every ordinary `publishedAt` (early 2026), or any date-time. */
export const laterDateTime = fc.oneof(
  { weight: 10, arbitrary: fc.record({ month: fc.integer({ min: 1, max: 2 }), day: fc.integer({ min: 1, max: 28 }), hour: fc.integer({ min: 0, max: 23 }) }).map((d) => `2026-${pad(d.month)}-${pad(d.day)}T${pad(d.hour)}:15:00+08:00`) },
  { weight: 1, arbitrary: dateTime },
);

/** A former slug: valid, too long, or not a slug. */
export const slug = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.constantFrom(...WORDS.filter((w) => /^[a-z]+$/.test(w))), { minLength: 1, maxLength: 4 }).map((w) => w.join('-')) },
  { weight: 1, arbitrary: fc.integer({ min: 190, max: 300 }).map((n) => 'a'.repeat(n)) },
  { weight: 1, arbitrary: hostileText },
);

/** Ordinary Markdown blocks. */
const SAFE_MARKDOWN = [
  '## Section', '### Sub', 'Plain paragraph with **bold** and _em_.', '[link](https://example.org/a)', '[y](./other-article.md)', '![alt](https://example.org/a.png)',
  '| a | b |\n|:-|-:|\n| 1 | 2 |', '```\ncode <b> ]]> </script>\n```', 'note[^1]\n\n[^1]: the note', '<b>bold</b>', '> quote', '- item\n- item', '[m](mailto:desk@example.org)',
  'Text with `<script>` in code and &amp; an entity, ]]> and a CDATA end.', '<div dir="rtl">نص</div>',
];
/** Markdown an editor should not publish, or that broke earlier versions. */
const MARKDOWN = [
  '# Heading', '## Section', '### Sub', 'Plain paragraph with **bold** and _em_.', '[link](https://example.org/a)', '[x](javascript\\:alert(1))',
  '[x](./%E0%A4%A.md)', '[y](./other-article.md)', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '![alt](https://example.org/a.png)',
  '![](https://example.org/no-alt.png)', '| a | b |\n|:-|-:|\n| 1 | 2 |', '```\ncode <b>\n```', 'note[^1]\n\n[^1]: the note', '<a href="jav&#x61;script:alert(1)">x</a>',
  '<svg onload=alert(1)>', '<iframe src="https://example.org"></iframe>', '<b>bold</b>', '<span style="color:red">red</span>', '> quote', '- item\n- item',
  '<!-- comment -->', '<div dir="rtl">نص</div>', '[m](mailto:desk@example.org)', '<a href="data:text/html,x">d</a>', 'Write the story here.',
];
/** An article body: Markdown blocks and editor text. */
export const body = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...SAFE_MARKDOWN) }, { weight: 8, arbitrary: text }, { weight: 1, arbitrary: fc.constantFrom(...MARKDOWN) }), { minLength: 1, maxLength: 6 })
  .map((blocks) => `${blocks.join('\n\n')}\n`);

/** How a YAML scalar is written: JSON-quoted (any string is then valid YAML), or raw as typed. */
const scalar = (value: string, raw: boolean) => (raw ? value : JSON.stringify(value));

/** A generated article: its id and the file an editor could have saved, plus a topic description and author bio. */
export interface GeneratedArticle {
  id: string;
  contents: string;
  topicDescription: string;
  authorBio: string;
  topicLang: string;
}

export const articleArbitrary: fc.Arbitrary<GeneratedArticle> = fc
  .record({
    id: fc.constantFrom('story-a', 'story-b', 'story-c', 'other-article'),
    headline: text,
    standfirst: fc.oneof({ weight: 30, arbitrary: text }, { weight: 1, arbitrary: fc.constant('One or two sentences that sum up the story.') }),
    publishedAt: dateTime,
    updatedAt: fc.option(laterDateTime),
    embargoUntil: fc.option(dateTime, { freq: 2 }),
    dateline: fc.option(text),
    lang: fc.option(lang),
    redirectFrom: fc.array(slug, { maxLength: 1 }),
    correction: fc.option(fc.record({ at: laterDateTime, text })),
    updateNote: fc.option(text, { freq: 4 }),
    // One value in ten is written unquoted, as an editor might type it.
    rawHeadline: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    rawPublishedAt: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    body,
    topicDescription: text,
    authorBio: text,
    topicLang: lang,
  })
  .map((a) => {
    const lines = [
      `headline: ${scalar(a.headline, a.rawHeadline)}`,
      `standfirst: ${scalar(a.standfirst, false)}`,
      'topics:\n- city',
      'authors:\n- jane-doe',
      `publishedAt: ${scalar(a.publishedAt, a.rawPublishedAt)}`,
      a.updatedAt !== null ? `updatedAt: ${scalar(a.updatedAt, false)}` : '',
      a.embargoUntil !== null ? `embargoUntil: ${scalar(a.embargoUntil, false)}` : '',
      a.dateline !== null ? `dateline: ${scalar(a.dateline, false)}` : '',
      a.lang !== null ? `lang: ${scalar(a.lang, false)}` : '',
      a.redirectFrom.length ? `redirectFrom:\n${a.redirectFrom.map((s) => `- ${scalar(s, false)}`).join('\n')}` : '',
      a.correction !== null ? `corrections:\n- at: ${scalar(a.correction.at, false)}\n  kind: correction\n  text: ${scalar(a.correction.text, false)}` : '',
      a.updateNote !== null ? `updateNote: ${scalar(a.updateNote, false)}` : '',
    ].filter(Boolean);
    return {
      id: a.id,
      contents: `---\n${lines.join('\n')}\n---\n${a.body}`,
      topicDescription: a.topicDescription,
      authorBio: a.authorBio,
      topicLang: a.topicLang,
    };
  });

/** The content files of a site made of `articles` (ids made unique), with one topic and one author. */
export function siteFiles(articles: readonly GeneratedArticle[]): { articles: ContentFile[]; topics: ContentFile[]; authors: ContentFile[] } {
  const seen = new Set<string>();
  const files: ContentFile[] = [];
  for (const a of articles) {
    let id = a.id;
    for (let n = 2; seen.has(id); n++) id = `${a.id}-${n}`;
    seen.add(id);
    files.push({ path: FILE_OF(id), contents: a.contents });
  }
  const first = articles[0];
  return {
    articles: files,
    topics: [{ path: 'site/topics/city.yaml', contents: `name: "City"\ndescription: ${JSON.stringify(first?.topicDescription || 'The city.')}\nlang: ${JSON.stringify(first?.topicLang ?? 'en')}\n` }],
    authors: [{ path: 'site/authors/jane-doe.yaml', contents: `name: "Jane Doe"\nbio: ${JSON.stringify(first?.authorBio || 'Reporter.')}\n` }],
  };
}
