/**
 * The last hook of `astro build`: from here on no Maglev job can start, and the ones already
 * queued get time to finish while the event loop still turns, so Node's exit cannot deadlock on
 * them (src/build/v8-flags.ts). Astro keeps Maglev for the build itself: started with the flags,
 * a cold build took about a fifth longer (docs/adr/0018-node-exit-hang.md). Listed last among
 * the integrations; Astro runs the `astro:build:done` hooks one after another, in that order.
 */
import type { AstroIntegration } from 'astro';
import { settleCompilers } from '../build/v8-flags.ts';

/** See the module comment. */
export function shutdownSafe(): AstroIntegration {
  return {
    name: 'dateline-shutdown-safe',
    hooks: {
      'astro:build:done': settleCompilers,
    },
  };
}
