/**
 * Run the content pipeline for a build, the dev server or `npm run check:content`: print
 * the build clock, every problem, and the next scheduled change; on success write the
 * content model for the pages.
 */
import path from 'node:path';
import { contentRoot } from './paths.ts';
import { readContentTree } from './files.ts';
import { checkContent, type CheckResult } from './pipeline.ts';
import { formatProblem, sortProblems } from './problems.ts';
import { diskBodyStore } from './body-cache.ts';
import { buildContentModel, writeContentModel, type ContentModel } from './model.ts';
import { resolveBuildClock } from './build-clock.ts';
import { MapFiles } from '../maps/map-files.ts';
import { translator } from '../i18n.ts';

/** Where a build keeps the model and the body cache, and what pages need to read them. */
export interface BuildContext {
  /** The build clock (ISO string, so it survives being written into a module). */
  now: string;
  /** `false` under `astro dev`, which shows unpublished articles marked as such. */
  production: boolean;
  /** Absolute path of the serialised {@link ContentModel}. */
  modelFile: string;
  /** Absolute path of the body cache directory. */
  bodyDir: string;
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
  /** Write the model at once (default true); {@link runContentBuild} writes it after drawing the maps. */
  writeModel?: boolean;
  env?: Record<string, string | undefined>;
}

/**
 * Check and model the content tree of this build (`DATELINE_CONTENT_DIR` or `src/content`)
 * at the build clock (`DATELINE_NOW` or now). Nothing is written into `process.env`: the
 * clock and mode come back as data in the {@link BuildContext}.
 *
 * Side effects: logs the clock, a summary and the next change to stdout; writes rendered
 * bodies and the model under `cacheDir`; on problems, prints `file:line: field: message`
 * lines to stderr and calls `process.exit(1)`, so nothing is built.
 */
export function runContentPipeline(options: RunOptions): { context: BuildContext; model: ContentModel; check: CheckResult } {
  const { mode, cacheDir, siteUrl, building = true, writeModel = true, env = process.env } = options;
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
  if (check.problems.length) {
    const lines = sortProblems(check.problems).map(formatProblem);
    const outcome = building ? 'nothing was built' : 'fix them before building';
    process.stderr.write(`\n${lines.join('\n')}\n\nDateline: the content has ${lines.length} problem(s); ${outcome}.\n`);
    process.exit(1);
  }
  console.log(`[dateline] content ok: ${countStates(check)}`);
  console.log(`[dateline] bodies: ${bodies.stats.rendered} rendered, ${bodies.stats.reused} reused from the cache; ${Math.round(performance.now() - started)} ms`);
  console.log(`[dateline] next scheduled change: ${check.nextChange ? check.nextChange.toISOString() : 'none'}`);
  const model = buildContentModel(check, { production: mode !== 'dev' });
  const context: BuildContext = { now: now.toISOString(), production: model.production, modelFile: path.join(dir, 'model.bin'), bodyDir: path.join(dir, 'bodies') };
  if (writeModel) writeContentModel(context.modelFile, model);
  return { context, model, check };
}

/**
 * {@link runContentPipeline} for a build or the dev server, then the locator maps: each
 * article with a location gets its map (drawn, or reused from `<cacheDir>/dateline/maps/`),
 * the model lists the map files to copy, and only then is the model written.
 * Side effects: those of {@link runContentPipeline}; writes map files; logs a count.
 */
export async function runContentBuild(options: RunOptions & { siteLanguage: string }): Promise<{ context: BuildContext; model: ContentModel; check: CheckResult }> {
  const result = runContentPipeline({ ...options, writeModel: false });
  const started = performance.now();
  const maps = new MapFiles(path.join(options.cacheDir, 'dateline', 'maps'));
  for (const article of result.model.articles) {
    if (!article.location) continue;
    const t = translator(article.lang, options.siteLanguage);
    article.map = await maps.map(article.location, t.lang, t('map.alt'));
  }
  result.model.derivedFiles = maps.derivedFiles();
  if (maps.stats.drawn + maps.stats.reused) {
    console.log(`[dateline] maps: ${maps.stats.drawn} drawn, ${maps.stats.reused} reused from the cache; ${Math.round(performance.now() - started)} ms`);
  }
  writeContentModel(result.context.modelFile, result.model);
  return result;
}

function countStates(result: CheckResult): string {
  const by = new Map<string, number>();
  for (const a of result.articles.values()) by.set(a.state, (by.get(a.state) ?? 0) + 1);
  return [...by].map(([state, n]) => `${n} ${state}`).join(', ') + `; ${result.topicIds.size} topics, ${result.authorIds.size} authors`;
}
