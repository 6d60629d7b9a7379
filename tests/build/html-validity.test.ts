/**
 * Every HTML page of dist/ is valid HTML by the W3C Nu HTML Checker (vnu, npm `vnu-jar`,
 * run on Debian's Java: `default-jre-headless`, installed by scripts/provision-tests.sh):
 * zero errors. Warnings and info messages are not gates.
 *
 * vnu is a JVM with a slow start, so it runs once, over the whole of dist/ plus a tiny
 * known-bad fixture page in a temporary folder (proof, in the same run, that the checker
 * really reports errors and that this test reads them). `--skip-non-html` leaves the feeds,
 * sitemaps and images alone; `--verbose` lists every file it checked on stdout, which is
 * compared with the HTML files in dist/ so that no page escapes the check.
 *
 * The package's postinstall (a download of a Temurin JDK) is not run: it is not in
 * package.json's allowScripts, and there is no network for it on CI anyway.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distDir, listFiles, repoRoot, requireDist } from './dist.ts';

const VNU_JAR = path.join(repoRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const JAVA = process.env['JAVA'] || 'java';

interface VnuMessage {
  type: string; // 'error' | 'info' | 'non-document-error'
  subType?: string;
  url?: string;
  message: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  extract?: string;
}

let fixtureDir: string;
let checked: Set<string>;
let messages: VnuMessage[];

/** `file:/abs/path` (vnu's url) or a path it printed → path relative to dist/, or to the fixture folder with a `fixture:` prefix. */
function relative(fileOrUrl: string): string {
  const abs = path.resolve(repoRoot, fileOrUrl.replace(/^file:/, ''));
  if (abs.startsWith(fixtureDir + path.sep)) return `fixture:${path.relative(fixtureDir, abs).split(path.sep).join('/')}`;
  return path.relative(distDir, abs).split(path.sep).join('/');
}

beforeAll(() => {
  requireDist();
  if (!fs.existsSync(VNU_JAR)) throw new Error(`${VNU_JAR} not found: run \`npm ci\` (devDependency vnu-jar)`);
  const version = spawnSync(JAVA, ['-version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new Error(`\`${JAVA} -version\` failed (${version.error?.message ?? version.stderr}): install Java 17+ (Debian: apt-get install default-jre-headless; scripts/provision-tests.sh does it as root)`);
  }

  fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-vnu-'));
  // A <div> inside a <p> closed by </p>: the kind of mistake a template can make.
  fs.writeFileSync(path.join(fixtureDir, 'broken.html'), '<!doctype html>\n<html lang="en"><head><title>x</title></head>\n<body><p><div>x</p></body></html>\n');

  const run = spawnSync(JAVA, ['-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--verbose', '--format', 'json', distDir, fixtureDir], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  // vnu exits 1 when it reports errors (the fixture always has some); anything else is a crash.
  if (run.status !== 0 && run.status !== 1) throw new Error(`vnu exited with ${run.status}:\n${run.stderr}`);
  checked = new Set(run.stdout.split('\n').map((l) => l.trim()).filter(Boolean).map(relative));
  const json = run.stderr.slice(run.stderr.indexOf('{"'));
  try {
    messages = (JSON.parse(json) as { messages: VnuMessage[] }).messages;
  } catch (e) {
    throw new Error(`vnu's JSON report does not parse (${(e as Error).message}):\n${run.stderr.slice(0, 2000)}`);
  }
}, 180_000);

afterAll(() => {
  if (fixtureDir) fs.rmSync(fixtureDir, { recursive: true, force: true });
});

function describeMessage(m: VnuMessage): string {
  const where = m.url ? relative(m.url) : '(no file)';
  const line = m.lastLine ?? m.firstLine;
  const position = line !== undefined ? `:${line}${m.firstColumn !== undefined ? `:${m.firstColumn}` : ''}` : '';
  return `${where}${position}: ${m.message}${m.extract ? `\n    ${JSON.stringify(m.extract)}` : ''}`;
}

describe('HTML validity (W3C Nu HTML Checker)', () => {
  it('checks every .html file of dist/', () => {
    const pages = listFiles(distDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => !checked.has(p)), 'HTML files of dist/ that vnu did not check').toEqual([]);
  });

  it('reports the errors of a known-bad page (sanity: the checker and this test work)', () => {
    const fixture = messages.filter((m) => m.url && relative(m.url) === 'fixture:broken.html' && m.type === 'error');
    expect(fixture.length).toBeGreaterThan(0);
    expect(describeMessage(fixture[0]!)).toMatch(/^fixture:broken\.html:3:\d+: /);
  });

  it('finds zero errors in dist/', () => {
    const errors = messages.filter((m) => m.type !== 'info' && !(m.url && relative(m.url).startsWith('fixture:')));
    console.log(`vnu: ${checked.size - 1} pages of dist/ checked, ${errors.length} errors`);
    expect(errors.map(describeMessage), `vnu errors (page:line:column: message):\n${errors.map(describeMessage).join('\n')}`).toEqual([]);
  });
});
