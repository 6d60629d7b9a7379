/**
 * Runs Debian's nginx with the shipped server block (deploy/nginx.conf) over a built site, on
 * loopback, unprivileged: its own prefix, pid, logs and temp paths in a temporary folder,
 * `daemon off` and `master_process off` (one process, our child, running as the caller),
 * listening on 127.0.0.1 at a free port. Used by the Vitest suite (tests/deploy/) and the
 * browser tests (tests/e2e/csp.spec.ts, tests/e2e/headers.lighthouse.spec.ts).
 *
 * The server block is used as committed, with exactly two edits: its `listen` lines become
 * `listen 127.0.0.1:<port>`, and its document root (`NGINX_ROOT`) becomes the served folder.
 *
 * Which build is served: `DATELINE_SERVE_DIST` if set, else the fixture site built by
 * `npm run test:site` into `test-results/site-dist/` ({@link servedDistDir}), so the suites can
 * be pointed at another build output (the real `dist/`, say).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NGINX_ROOT } from '../../src/lib/deploy/host-files.ts';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
/** The committed server block. */
export const NGINX_SERVER_BLOCK = path.join(repoRoot, 'deploy', 'nginx.conf');

/** The build output the tests serve: `$DATELINE_SERVE_DIST`, else the fixture site's `<repo>/test-results/site-dist`. */
export function servedDistDir(): string {
  const dir = path.resolve(process.env['DATELINE_SERVE_DIST']?.trim() || path.join(repoRoot, 'test-results', 'site-dist'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: run \`npm run test:site\` first (\`npm test\` does), or set DATELINE_SERVE_DIST to a built site`);
  }
  return dir;
}

/** The nginx binary: `$NGINX_BINARY`, else `nginx` on PATH, else `/usr/sbin/nginx` (Debian). */
export function nginxBinary(): string {
  if (process.env['NGINX_BINARY']) return process.env['NGINX_BINARY'];
  const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
  return found || '/usr/sbin/nginx';
}

/** A running nginx. */
export interface NginxServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  /** The temporary folder holding its config, logs and pid. */
  prefix: string;
  /** The access log so far. */
  accessLog(): string;
  /** Stops nginx (SIGQUIT: graceful) and deletes the temporary folder. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The committed server block with its two test edits.
 * @throws {Error} if the block no longer has the lines the edits expect.
 */
export function serverBlockFor(distDir: string, port: number): string {
  if (/[\s;{}"']/.test(distDir)) throw new Error(`cannot serve ${distDir}: nginx paths here must not contain spaces, quotes, ; or braces`);
  const block = fs.readFileSync(NGINX_SERVER_BLOCK, 'utf8');
  const listen = /^ {4}listen 80;\n {4}listen \[::\]:80;$/m;
  if (!listen.test(block)) throw new Error(`${NGINX_SERVER_BLOCK}: expected its "listen 80;" and "listen [::]:80;" lines`);
  const roots = block.split(NGINX_ROOT).length - 1;
  if (roots !== 2) throw new Error(`${NGINX_SERVER_BLOCK}: expected ${NGINX_ROOT} twice (root and include), found ${roots}`);
  return block.replace(listen, `    listen 127.0.0.1:${port};`).replaceAll(NGINX_ROOT, distDir);
}

/**
 * Starts nginx over `distDir` and waits until it answers.
 * @throws {Error} with nginx's own message if the config is rejected or it does not start within 10 s.
 */
export async function startNginx(distDir = servedDistDir()): Promise<NginxServer> {
  const port = await freePort();
  const serverBlock = serverBlockFor(distDir, port);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-nginx-'));
  const mimeTypes = process.env['NGINX_MIME_TYPES'] || '/etc/nginx/mime.types';
  fs.writeFileSync(path.join(prefix, 'server.conf'), serverBlock);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      'daemon off;',
      'master_process off;',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 128; }',
      'http {',
      `    include ${mimeTypes};`,
      '    default_type application/octet-stream;',
      `    access_log ${prefix}/access.log;`,
      ...temp.map((t) => `    ${t}_temp_path ${prefix}/${t};`),
      `    include ${prefix}/server.conf;`,
      '}',
      '',
    ].join('\n'),
  );
  const bin = nginxBinary();
  const args = ['-p', `${prefix}/`, '-c', `${prefix}/nginx.conf`, '-e', `${prefix}/error.log`];
  const check = spawnSync(bin, [...args, '-t'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) {
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t rejected the config (${bin}): ${check.error?.message ?? ''}${check.stderr}`);
  }
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test process ends without stop() (a crash, a killed run), nginx goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx (config in ${prefix}) exited with ${child.exitCode}: ${stderr}${readIf(path.join(prefix, 'error.log'))}`);
    try {
      await fetch(`${origin}/`, { method: 'HEAD' });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`nginx did not answer on ${origin} within 10 s: ${stderr}${readIf(path.join(prefix, 'error.log'))}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    port,
    prefix,
    accessLog: () => readIf(path.join(prefix, 'access.log')),
    stop: async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGQUIT');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function readIf(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}
