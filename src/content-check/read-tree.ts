/** Read a content tree from disk (`<root>/articles/**\/*.md`, `<root>/topics/*.yaml`, `<root>/authors/*.yaml`). */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentFile, ContentTree } from './check.ts';

/**
 * Read every content file under `root`. Paths in the result are relative to `projectRoot`
 * with forward slashes; files are sorted by path so reports are stable.
 */
export function readContentTree(root: string, projectRoot = process.cwd()): ContentTree {
  const read = (dir: string, recursive: boolean, match: RegExp): ContentFile[] => {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) return [];
    const names = fs.readdirSync(base, { recursive, withFileTypes: true });
    return names
      .filter((d) => d.isFile() && match.test(d.name))
      .map((d) => path.join(d.parentPath, d.name))
      .sort()
      .map((file) => ({ path: path.relative(projectRoot, file).split(path.sep).join('/'), contents: fs.readFileSync(file, 'utf8') }));
  };
  return {
    articles: read('articles', true, /\.md$/i),
    topics: read('topics', false, /\.ya?ml$/i),
    authors: read('authors', false, /\.ya?ml$/i),
  };
}
