/**
 * The last check of a build before its output replaces the published `dist/`: nothing that
 * belongs to the build machine may ship. Astro leaves its prerender bundle (`.prerender/`:
 * the machine's absolute paths and the whole content store, drafts and embargoed bodies
 * included) in the output folder until it is done, and a misconfigured Vite could emit
 * source maps.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listTree } from './restore-digests.ts';

/** Folders Astro may leave in the output that must never be published. */
const BUILD_LEFTOVERS = ['.prerender'];
/** Files whose text is read for absolute paths of the build machine. */
const TEXT_FILE = /\.(html|xml|json|txt|css|js|mjs|svg|xsl|webmanifest)$|(^|\/)_(headers|redirects)$/;

/**
 * Remove Astro's build leftovers from `outDir`, then list what must not ship: source maps,
 * staging or dot folders, and any text file that contains `projectRoot` (the absolute path
 * of the checkout). Returns one line per problem, `path: reason`; [] when the output is clean.
 * Reads every text file once (linear in the output size), asynchronously, so a stop signal
 * can be handled while it runs.
 */
export async function checkOutput(outDir: string, projectRoot: string): Promise<string[]> {
  for (const leftover of BUILD_LEFTOVERS) fs.rmSync(path.join(outDir, leftover), { recursive: true, force: true });
  const problems: string[] = [];
  const needle = Buffer.from(projectRoot);
  for (const file of listTree(outDir)) {
    if (file.endsWith('.map')) problems.push(`${file}: source maps are not published`);
    else if (file.split('/').some((part) => part.startsWith('.') && part !== '.well-known')) problems.push(`${file}: a hidden build file`);
    else if (TEXT_FILE.test(file) && (await fs.promises.readFile(path.join(outDir, file))).includes(needle)) {
      problems.push(`${file}: contains the build machine's path ${projectRoot}`);
    }
  }
  return problems;
}
