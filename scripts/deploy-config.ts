/**
 * Writes deploy/nginx.conf, the nginx server block, from the serving policy
 * (src/lib/deploy/headers-policy.ts). Run after changing the policy: `npm run deploy-config`.
 * tests/deploy/host-files.test.ts fails while the committed file differs from this output.
 * The files that depend on a build (_headers, _redirects, vercel.json, _nginx.conf) are
 * written by the build itself into dist/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderNginxServer } from '../src/lib/deploy/host-files.ts';

const target = path.resolve(import.meta.dirname, '..', 'deploy', 'nginx.conf');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, renderNginxServer());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
