/**
 * Run the content pipeline for a build, the dev server or `npm run check:content`: print
 * the build clock, every problem, and the next scheduled change; on success write the
 * content model for the pages.
 */
import path from 'node:path';
import { contentRoot } from './paths.ts';
import { readContentTree } from './files.ts';
import { checkContent, type CheckResult } from './pipeline.ts';
import { formatProblem, problemsSummary, sortProblems } from './problems.ts';
import { diskBodyStore } from './body-cache.ts';
import { buildContentModel, writeContentModel, type ContentModel } from './model.ts';
import { resolveBuildClock } from './build-clock.ts';
import { checkPictures, derivePictures } from '../pictures/stage.ts';
import { MapFiles } from '../maps/map-files.ts';
import { translator } from '../i18n.ts';
import { uniqueDerivedFiles } from '../derived-files.ts';
import { mapFilesInUse } from '../pages/lead-visual.ts';
import { exitSafely } from '../../build/v8-flags.ts';

/** Where a build keeps the model and the body cache, and what pages need to read them. */
export interface BuildContext {
  /** `false` under `astro dev`, which shows unpublished articles marked as such. */
  production: boolean;
  /** Absolute path of the serialised {@link ContentModel}. */
  modelFile: string;
  /** Absolute path of the body cache directory. */
  bodyDir: string;
}

/** Where picture variants are cached, under a build's cacheDir. */
export function picturesCacheDir(cacheDir: string): string {
  return path.join(cacheDir, 'dateline', 'pictures');
}

/** Options of {@link runContentPipeline}. */
export interface RunOptions {
  /** `dev` allows links to unpublished articles (the dev server shows them). */
  mode: 'build' | 'dev';
  /** Astro's cacheDir (absolute): the body cache and the model go under `<cacheDir>/dateline/`. */
  cacheDir: string;
  siteUrl: string;
  /** false for `npm run check:content`, which builds nothing anyway. */
  building?: boolean;
  /** The site's language (BCP 47, default `en`): map labels of articles without their own `lang`. */
  siteLanguage?: string;
  env?: Record<string, string | undefined>;
}

/**
 * Check and model the content tree of this build (`DATELINE_CONTENT_DIR` or `src/content`)
 * at the build clock (`DATELINE_NOW` or now). Nothing is written into `process.env`: the
 * clock goes into the model (`model.now`) and the mode into the {@link BuildContext}. The
 * context holds nothing that changes from build to build: it is compiled into the pages, and
 * a changing value there (the clock did) makes every page render again instead of being
 * restored by the incremental build.
 *
 * The pictures every article names are checked too (`src/lib/pictures/stage.ts`); when
 * `building`, the variants of the model's pictures are made (or reused from the cache) and
 * listed in the model's `derivedFiles`; so are the locator maps (`src/lib/maps/`).
 *
 * Side effects: logs the clock, a summary and the next change to stdout; writes rendered
 * bodies, picture variants and the model under `cacheDir`; on problems, prints
 * `file:line: field: message` lines to stderr and exits with status 1 (`exitSafely`), so nothing
 * is built.
 */
export async function runContentPipeline(options: RunOptions): Promise<{ context: BuildContext; model: ContentModel; check: CheckResult }> {
  const { mode, cacheDir, siteUrl, building = true, siteLanguage = 'en', env = process.env } = options;
  let now: Date;
  try {
    now = resolveBuildClock(env);
  } catch (error) {
    process.stderr.write(`\nDateline: ${(error as Error).message}\n\n`);
    process.exit(1);
  }
  console.log(`[dateline] build clock: ${now.toISOString()}`);
  const started = performance.now();
  const root = contentRoot(env);
  const dir = path.join(cacheDir, 'dateline');
  const bodies = diskBodyStore(path.join(dir, 'bodies'));
  const check = checkContent(readContentTree(root), { now, mode, siteUrl, bodies });
  const pictures = await checkPictures(check, { contentRoot: root, projectRoot: process.cwd() });
  const problems = [...check.problems, ...pictures.problems];
  if (problems.length) {
    const lines = sortProblems(problems).map(formatProblem);
    const outcome = building ? 'nothing was built' : 'fix them before building';
    process.stderr.write(`\n${lines.join('\n')}\n\n${problemsSummary(lines.length, outcome)}\n`);
    // After checking a large tree, a Maglev job may still be compiling: see src/build/v8-flags.ts.
    return exitSafely(1);
  }
  console.log(`[dateline] content ok: ${countStates(check)}`);
  console.log(`[dateline] bodies: ${bodies.stats.rendered} rendered, ${bodies.stats.reused} reused from the cache; ${Math.round(performance.now() - started)} ms`);
  console.log(`[dateline] next scheduled change: ${check.nextChange ? check.nextChange.toISOString() : 'none'}`);
  const model = buildContentModel(check, { production: mode !== 'dev' });
  if (building) {
    const startedPictures = performance.now();
    const lead = new Map([...check.articles.values()].flatMap((a) => (a.data.image ? [[a.id, a.data.image] as const] : [])));
    const stats = await derivePictures(model, pictures, lead, picturesCacheDir(cacheDir));
    console.log(`[dateline] pictures: ${stats.files} files (${(stats.bytes / 1024 / 1024).toFixed(1)} MB), ${stats.encoded} encoded, ${stats.reused} reused from the cache; ${Math.round(performance.now() - startedPictures)} ms`);
    await drawMaps(model, path.join(dir, 'maps'), siteLanguage);
  }
  const context: BuildContext = { production: model.production, modelFile: path.join(dir, 'model.bin'), bodyDir: path.join(dir, 'bodies') };
  writeContentModel(context.modelFile, model);
  return { context, model, check };
}

/**
 * The locator maps of a build: each visible article with a location (its own, else its
 * primary topic's) gets its map, drawn or reused from `mapsDir`, labelled in the article's
 * language; the map files pages use join `model.derivedFiles` (the 1200×630 PNG only where
 * the map is the social image, i.e. no photo leads). Mutates `model`; logs a count.
 */
async function drawMaps(model: ContentModel, mapsDir: string, siteLanguage: string): Promise<void> {
  const started = performance.now();
  const maps = new MapFiles(mapsDir);
  const used = new Set<string>();
  for (const article of model.articles) {
    if (!article.location) continue;
    const t = translator(article.lang, siteLanguage);
    article.map = await maps.map(article.location, t.lang, t('map.alt'));
    for (const file of mapFilesInUse(article)) used.add(file);
  }
  model.derivedFiles = uniqueDerivedFiles([...model.derivedFiles, ...maps.derivedFiles().filter((f) => used.has(f.outputPath))]);
  if (maps.stats.drawn + maps.stats.reused) {
    console.log(`[dateline] maps: ${maps.stats.drawn} drawn, ${maps.stats.reused} reused from the cache; ${Math.round(performance.now() - started)} ms`);
  }
}

function countStates(result: CheckResult): string {
  const by = new Map<string, number>();
  for (const a of result.articles.values()) by.set(a.state, (by.get(a.state) ?? 0) + 1);
  return [...by].map(([state, n]) => `${n} ${state}`).join(', ') + `; ${result.topicIds.size} topics, ${result.authorIds.size} authors`;
}
