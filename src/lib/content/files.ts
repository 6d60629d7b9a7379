/**
 * Read a content tree from disk (`<root>/articles/**\/*.md`, `<root>/topics/*.yaml`,
 * `<root>/authors/*.yaml`), each file once.
 *
 * Only regular files are read. A symbolic link (to a file or a directory) is never
 * followed: it could publish a file from outside the repository, and the content check
 * would then vouch for text nobody reviewed. It is reported as a problem instead, as is
 * a file that cannot be read or is not UTF-8.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './problems.ts';

/**
 * A file of the content tree: path relative to the project root, and its text. Files read
 * from disk read their text when `contents` is first asked for and do not keep it, so a
 * pass over 100,000 articles holds one file at a time (ask once, keep the string only as
 * long as needed).
 */
export interface ContentFile {
  readonly path: string;
  readonly contents: string;
}

/** Thrown when a content file is not valid UTF-8. */
export class ContentEncodingError extends Error {
  override name = 'ContentEncodingError';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function lazyFile(relative: string, absolute: string): ContentFile {
  return {
    path: relative,
    get contents() {
      try {
        return utf8.decode(fs.readFileSync(absolute));
      } catch (error) {
        if (error instanceof TypeError) throw new ContentEncodingError('is not valid UTF-8: save it as UTF-8');
        throw error;
      }
    },
  };
}

/** The files of a content tree, by collection, and the entries that could not be read. */
export interface ContentTree {
  articles: ContentFile[];
  topics: ContentFile[];
  authors: ContentFile[];
  /** `<root>/front.yaml`, the home page's placement, when the file exists. */
  front?: ContentFile | undefined;
  /** Symlinks and unreadable files, reported as problems. */
  unreadable?: ContentProblem[];
}

/**
 * Read every content file under `root`. Paths in the result are relative to `projectRoot`
 * with forward slashes; files are sorted by path so reports are stable.
 */
export function readContentTree(root: string, projectRoot = process.cwd()): ContentTree {
  const unreadable: ContentProblem[] = [];
  const rel = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');
  const walk = (dir: string, recursive: boolean, match: RegExp, out: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries) {
      const full = path.join(dir, d.name);
      if (d.isSymbolicLink()) {
        if (match.test(d.name) || recursive) {
          unreadable.push({ file: rel(full), line: 1, field: 'file', message: `is a symbolic link (to ${safeReadlink(full)}): links are not followed, so the file could not be reviewed where it lives; replace the link with the file itself` });
        }
      } else if (d.isDirectory()) {
        if (recursive) walk(full, recursive, match, out);
      } else if (d.isFile() && match.test(d.name)) out.push(full);
    }
  };
  const read = (dir: string, recursive: boolean, match: RegExp): ContentFile[] => {
    const files: string[] = [];
    walk(path.join(root, dir), recursive, match, files);
    return files.sort().map((file) => lazyFile(rel(file), file));
  };
  const front = readFront(root, rel, unreadable);
  return {
    ...(front ? { front } : {}),
    articles: read('articles', true, /\.md$/i),
    topics: read('topics', false, /\.ya?ml$/i),
    authors: read('authors', false, /\.ya?ml$/i),
    unreadable,
  };
}

/** `front.yaml` (or `front.yml`) at the root of the tree; a symlink or bad UTF-8 is a problem, as for other files. */
function readFront(root: string, rel: (file: string) => string, unreadable: ContentProblem[]): ContentFile | undefined {
  for (const name of ['front.yaml', 'front.yml']) {
    const file = path.join(root, name);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) {
      unreadable.push({ file: rel(file), line: 1, field: 'file', message: `is a symbolic link (to ${safeReadlink(file)}): links are not followed; replace the link with the file itself` });
      return undefined;
    }
    if (!stat.isFile()) continue;
    const buffer = fs.readFileSync(file);
    const contents = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
    if (contents.includes('\uFFFD') && !buffer.includes(Buffer.from('\uFFFD'))) {
      unreadable.push({ file: rel(file), line: 1, field: 'file', message: 'is not valid UTF-8: save it as UTF-8' });
      return undefined;
    }
    return { path: rel(file), contents };
  }
  return undefined;
}

function safeReadlink(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return 'an unreadable target';
  }
}
