/**
 * V8 flags for every Node process of a build, so that none of them can hang at exit.
 *
 * Node 24 turns on V8's Maglev compiler and concurrent Sparkplug compilation (Node 22 had
 * neither). At exit Node joins V8's worker threads; a background Maglev compile job that is
 * waiting for a garbage collection the exiting main thread will never run blocks that join,
 * and the process hangs after its work is done (nodejs/node#64274, #64560: main thread in
 * `WorkerThreadsTaskRunner::Shutdown`, workers in `CollectionBarrier::AwaitCollectionBackground`;
 * the diagnosis is in WordPress/wordpress-develop#13608). It is rare, but a build here was seen
 * to hang after its last line ("dist/ replaced"), and a CI build that never ends is worse than a
 * slower one. Turning both off removes the background jobs that deadlock; TurboFan's
 * concurrent recompilation stays on (it was on in Node 22 without hangs).
 *
 * The flags are set at run time (`NODE_OPTIONS` does not take V8 flags): for the whole of the
 * `npm run build` wrapper, whose work is mostly hashing and file copies, and only at the end of
 * Astro's build (src/integrations/shutdown-safe.ts), where Maglev makes rendering faster
 * (docs/adr/0018-node-exit-hang.md).
 */
import v8 from 'node:v8';

/**
 * No Maglev, and Sparkplug compiles on the main thread. Also passed on the command line of the
 * test runners' main processes (scripts/run-tests.ts), which only orchestrate.
 */
export const V8_FLAGS: readonly string[] = ['--no-maglev', '--no-concurrent-sparkplug'];

/**
 * Sets the flags in this process: no Maglev or background Sparkplug job starts after this call. Functions
 * Maglev compiled already stay compiled, and a job already queued still runs, so keep the event
 * loop turning for a moment after calling it (src/integrations/shutdown-safe.ts) or call it
 * before any hot code (scripts/build.ts). Never throws.
 */
export function useShutdownSafeV8Flags(): void {
  for (const flag of V8_FLAGS) v8.setFlagsFromString(flag);
}

/** How long compile jobs already queued get to finish while the event loop still turns, in milliseconds. */
const SETTLE_MS = 50;

/**
 * Sets the flags, then waits SETTLE_MS with the event loop turning, so that a Maglev job queued
 * before the call finishes while a garbage collection can still run. For a process that ran hot
 * code with Maglev and is about to exit: Astro after its last hook, or on a content error.
 */
export async function settleCompilers(): Promise<void> {
  useShutdownSafeV8Flags();
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}

/** `settleCompilers()`, then `process.exit(code)`. */
export async function exitSafely(code: number): Promise<never> {
  await settleCompilers();
  process.exit(code);
}
