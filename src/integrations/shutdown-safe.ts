/**
 * The last hook of `astro build`: from here on no new background compile job can start, and
 * the ones already running get time to finish while the event loop still turns, so Node's exit
 * cannot deadlock on them (src/build/v8-flags.ts). Astro keeps Maglev for the build itself:
 * started with the flags, a cold build took about a fifth longer (docs/adr/0018-node-exit-hang.md).
 * Listed last among the integrations, so every other `astro:build:done` hook has run.
 */
import type { AstroIntegration } from 'astro';
import { useShutdownSafeV8Flags } from '../build/v8-flags.ts';

/** How long running compile jobs get to finish before Astro goes on to exit, in milliseconds. */
const SETTLE_MS = 50;

/** See the module comment. */
export function shutdownSafe(): AstroIntegration {
  return {
    name: 'dateline-shutdown-safe',
    hooks: {
      'astro:build:done': async () => {
        useShutdownSafeV8Flags();
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      },
    },
  };
}
