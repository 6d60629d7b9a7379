/**
 * Bad build settings stop the build before anything is written, with one readable message
 * naming the setting and no stack trace: SITE_URL (site configuration) and DATELINE_NOW
 * (build clock). Each build runs with --outDir in a temp folder that must stay absent.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { astroBuildArgs, repoRoot } from '../newsroom/helpers.ts';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function build(env: Record<string, string>) {
  const outDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-bad-env-')), 'out');
  const r = spawnSync(process.execPath, astroBuildArgs(outDir), {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}`, wroteOutput: fs.existsSync(outDir) };
}

describe('astro build with bad settings', () => {
  it('rejects SITE_URL=not-a-url naming url and SITE_URL, without a stack trace or output', () => {
    const r = build({ SITE_URL: 'not-a-url' });
    expect(r.status).toBe(1);
    expect(r.output).toContain('url (from SITE_URL): must be an absolute http(s) URL, e.g. https://dateline.example (got "not-a-url")');
    expect(r.output).not.toMatch(STACK_LINE);
    expect(r.wroteOutput).toBe(false);
  });

  it('rejects a SITE_URL with a path', () => {
    const r = build({ SITE_URL: 'https://example.org/news/' });
    expect(r.status).toBe(1);
    expect(r.output).toContain('must be an origin without a path');
    expect(r.wroteOutput).toBe(false);
  });

  it('rejects DATELINE_NOW=yesterday naming the variable, without a stack trace or output', () => {
    const r = build({ SITE_URL: '', DATELINE_NOW: 'yesterday' });
    expect(r.status).toBe(1);
    expect(r.output).toContain('DATELINE_NOW: "yesterday" is not an ISO 8601 date-time: write an ISO 8601 date-time with Z or an offset, e.g. 2016-11-20T13:03:00+08:00');
    expect(r.output).not.toMatch(STACK_LINE);
    expect(r.wroteOutput).toBe(false);
  });
});
