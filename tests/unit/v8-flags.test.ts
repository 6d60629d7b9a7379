/**
 * The build's V8 flags (src/build/v8-flags.ts): after `useShutdownSafeV8Flags()` a hot function
 * is never compiled by Maglev, so no Maglev job can be running when Node exits. Observed with
 * V8's own `--trace-opt` log in a child process; the same script without the call shows Maglev
 * at work, so the assertion can fail.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const flagsModule = path.resolve(import.meta.dirname, '../../src/build/v8-flags.ts');

function compilersUsed(callFirst: boolean): string[] {
  const script = `
    const { useShutdownSafeV8Flags } = await import(${JSON.stringify(flagsModule)});
    if (${callFirst}) useShutdownSafeV8Flags();
    function hot(x) { let s = 0; for (let i = 0; i < 100; i++) s += (x * i) % 7; return s; }
    let total = 0;
    for (let i = 0; i < 2e6; i++) total += hot(i);
    console.log(total);`;
  const r = spawnSync(process.execPath, ['--trace-opt', '--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return [...r.stdout.matchAll(/compiling method .*?<JSFunction hot .*?\(target (\w+)\)/g)].map((m) => m[1]!);
}

describe('the V8 flags of a build', () => {
  it('exitSafely(code) exits with that code after the settle time', () => {
    const script = `const { exitSafely } = await import(${JSON.stringify(flagsModule)}); const t = Date.now(); process.on('exit', () => console.log(Date.now() - t)); await exitSafely(3); console.log('not reached');`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).not.toContain('not reached');
    expect(Number(r.stdout.trim())).toBeGreaterThanOrEqual(45);
  });

  it('leave no Maglev compile job after useShutdownSafeV8Flags(); without it Maglev compiles the hot function', () => {
    expect(compilersUsed(false)).toContain('MAGLEV');
    const after = compilersUsed(true);
    expect(after).not.toContain('MAGLEV');
    expect(after).toContain('TURBOFAN_JS');
  });
});
