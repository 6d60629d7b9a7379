/**
 * The pictures stage of a build (docs/adr/0014-pictures.md), run after the content check:
 *
 * 1. {@link checkPictures}: every picture every valid article names (published or not: a
 *    draft's broken picture is reported now, not on the day it is published) is resolved
 *    and inspected (`sources.ts`); each problem is a `file:line: field: message`.
 * 2. {@link derivePictures}: for the articles of this build's model only, every variant is
 *    made or taken from the cache (`variants.ts`) and the article gets its `image` and
 *    `bodyPictures`; the model lists the files to copy into the output (`derivedFiles`).
 *    A picture of an article that is not in the model (a draft) is never encoded or copied.
 */
import path from 'node:path';
import type { CheckResult, PictureRef } from '../content/pipeline.ts';
import type { ContentProblem } from '../content/problems.ts';
import type { ContentModel } from '../content/model.ts';
import { inspectSource, resolveSource, type SourceInfo } from './sources.ts';
import { cardSpecs, fixedSpec, FIXED_CROPS, fullSpecs, stemOf, toResponsiveSet, VariantCache, type MadeVariant } from './variants.ts';
import type { BodyPicture, LeadPicture } from './model.ts';
import { uniqueDerivedFiles, type DerivedFile } from '../derived-files.ts';

/** A picture reference with its inspected source. */
export interface ResolvedPicture {
  ref: PictureRef;
  source: SourceInfo;
}

/** What {@link checkPictures} found. */
export interface PictureCheck {
  problems: ContentProblem[];
  /** Usable pictures by article id, in the order the article names them. */
  byArticle: Map<string, ResolvedPicture[]>;
}

/**
 * Resolve and inspect every picture of `check`'s articles.
 * @param contentRoot - absolute root of the content tree; no picture may lie outside it.
 * @param projectRoot - what article paths in `check` are relative to.
 */
export async function checkPictures(check: Pick<CheckResult, 'articles'>, { contentRoot, projectRoot }: { contentRoot: string; projectRoot: string }): Promise<PictureCheck> {
  const problems: ContentProblem[] = [];
  const byArticle = new Map<string, ResolvedPicture[]>();
  const inspected = new Map<string, ReturnType<typeof inspectSource>>();
  for (const article of check.articles.values()) {
    const found: ResolvedPicture[] = [];
    for (const ref of article.pictures) {
      const resolved = resolveSource(path.resolve(projectRoot, article.file), ref.src, contentRoot);
      if (!resolved.ok) {
        problems.push({ file: article.file, line: ref.line, field: ref.field, message: resolved.message });
        continue;
      }
      const key = `${ref.role}\u0000${resolved.file}`;
      let result = inspected.get(key);
      if (!result) {
        result = inspectSource(resolved.file, ref.role, ref.src);
        inspected.set(key, result);
      }
      const outcome = await result;
      if (outcome.ok) found.push({ ref, source: outcome.info });
      else problems.push({ file: article.file, line: ref.line, field: ref.field, message: outcome.message });
    }
    if (found.length) byArticle.set(article.id, found);
  }
  return { problems, byArticle };
}

/** Counts for the build log. */
export interface PictureStats {
  files: number;
  bytes: number;
  encoded: number;
  reused: number;
}

/**
 * Make the variants of the pictures of `model`'s articles (cached under `cacheDir`) and
 * attach them: `article.image` (lead picture with every crop) and `article.bodyPictures`
 * (by `src` as written). Sets `model.derivedFiles`. Mutates `model`.
 * @param data - the frontmatter `image` of each article (alt, caption, credit, focus), by id.
 */
export async function derivePictures(
  model: ContentModel,
  pictures: PictureCheck,
  lead: Map<string, { alt: string; caption?: string | undefined; credit?: string | undefined; focus?: { x: number; y: number } | undefined }>,
  cacheDir: string,
): Promise<PictureStats> {
  const cache = new VariantCache(cacheDir);
  const derived: DerivedFile[] = [];
  const keep = (made: MadeVariant[]) => {
    for (const m of made) derived.push(m.derived);
    return made;
  };
  for (const article of model.articles) {
    const resolved = pictures.byArticle.get(article.id);
    if (!resolved) continue;
    const bodyPictures: Record<string, BodyPicture> = {};
    for (const { ref, source } of resolved) {
      const stem = stemOf(source.file);
      if (ref.role === 'lead') {
        const meta = lead.get(article.id)!;
        const [full, card, fixed] = await Promise.all([
          Promise.all(fullSpecs(source, stem).map((s) => cache.make(s))),
          Promise.all(cardSpecs(source, meta.focus, stem).map((s) => cache.make(s))),
          Promise.all(Object.values(FIXED_CROPS).map((size) => cache.make(fixedSpec(source, size, meta.focus, stem)))),
        ]);
        keep(full);
        keep(card);
        keep(fixed);
        const [og, ...structured] = fixed.map((m) => m.image);
        const picture: LeadPicture = { alt: meta.alt, caption: meta.caption, credit: meta.credit, full: toResponsiveSet(full), card: toResponsiveSet(card), og: og!, structured };
        article.image = picture;
      } else if (!bodyPictures[ref.src]) {
        bodyPictures[ref.src] = { full: toResponsiveSet(keep(await Promise.all(fullSpecs(source, stem).map((s) => cache.make(s))))) };
      }
    }
    if (Object.keys(bodyPictures).length) article.bodyPictures = bodyPictures;
  }
  model.derivedFiles = [...uniqueDerivedFiles([...(model.derivedFiles ?? []), ...derived])];
  const ours = uniqueDerivedFiles(derived);
  return { files: ours.length, bytes: ours.reduce((n, f) => n + f.bytes, 0), ...cache.stats };
}
