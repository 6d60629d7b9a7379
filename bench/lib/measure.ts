/**
 * Run one command and measure it: wall time (ms, from the parent's monotonic clock) and peak
 * resident set size (bytes). Peak RSS comes from GNU `/usr/bin/time -v` ("Maximum resident set
 * size", the largest single process in the tree); without it, from polling `VmHWM` in
 * `/proc/<pid>/status` for the process and its descendants every 50 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** A command to measure. Its stdout and stderr go to `log`. */
export interface CommandSpec {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** File that receives the command's output (appended). */
  log: string;
  /** Kill the command after this many ms. */
  timeoutMs: number;
}

/** Result of one measured command. */
export interface Measurement {
  ok: boolean;
  exitCode: number | null;
  /** Wall time in ms. */
  wallMs: number;
  /** Peak RSS of the largest process in the tree, in bytes; 0 when unknown. */
  peakRssBytes: number;
  /** CPU time (user + system) of the command and its children, in ms; null when unknown. */
  cpuMs: number | null;
  /**
   * CPU time in ms that the whole machine spent on anything else during the run (all CPUs'
   * busy time from /proc/stat minus {@link cpuMs}); a few hundred ms is background noise,
   * more means another process competed for the cores. Null when unknown.
   */
  otherCpuMs: number | null;
  /** Why it failed (exit status and the last lines of the log), or null. */
  failure: string | null;
}

const GNU_TIME = '/usr/bin/time';
const POLL_MS = 50;
/** Clock ticks per second in /proc/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** How peak RSS is measured on this machine: `'gnu-time'` or `'proc-poll'`. */
export function rssMethod(): 'gnu-time' | 'proc-poll' {
  return fs.existsSync(GNU_TIME) ? 'gnu-time' : 'proc-poll';
}

/** Last `lines` non-empty lines of a text file (ANSI colours removed), for failure reports. */
export function tailOf(file: string, lines: number): string {
  if (!fs.existsSync(file)) return '';
  const text = fs.readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  return text.split('\n').filter((l) => l.trim() !== '').slice(-lines).join('\n');
}

/** Parse `Maximum resident set size (kbytes)` from `time -v` output; returns bytes (0 if absent). */
export function parseGnuTimeRss(text: string): number {
  const match = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
}

/** Parse user + system CPU time from `time -v` output, in ms; null if absent. */
export function parseGnuTimeCpuMs(text: string): number | null {
  const user = /User time \(seconds\):\s*([\d.]+)/.exec(text)?.[1];
  const system = /System time \(seconds\):\s*([\d.]+)/.exec(text)?.[1];
  return user === undefined || system === undefined ? null : (Number(user) + Number(system)) * 1000;
}

/** Busy CPU time of the whole machine since boot, all CPUs summed, in ms (from /proc/stat); null if unreadable. */
export function machineBusyMs(): number | null {
  try {
    const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

/**
 * Wait until the machine is quiet: until, over one second, all processes together used less
 * than `maxBusyCores` cores (e.g. 0.25), or until `maxWaitMs` (ms) have passed. Resolves to the
 * time waited in ms. Used before each measured run so another user's build does not inflate it.
 */
export async function waitForQuiet(maxBusyCores: number, maxWaitMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < maxWaitMs) {
    const before = machineBusyMs();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = machineBusyMs();
    if (before === null || after === null || (after - before) / 1000 < maxBusyCores) break;
  }
  return performance.now() - start;
}

function readHwmBytes(pid: number): number {
  try {
    const match = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}

function childPids(pid: number): number[] {
  try {
    const tasks = fs.readdirSync(`/proc/${pid}/task`);
    return tasks.flatMap((tid) => {
      const text = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      return text === '' ? [] : text.split(/\s+/).map(Number);
    });
  } catch {
    return [];
  }
}

function treeHwmBytes(root: number): number {
  let peak = 0;
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    peak = Math.max(peak, readHwmBytes(pid));
    queue.push(...childPids(pid));
  }
  return peak;
}

function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; timedOut: boolean }> {
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child);
    }, timeoutMs);
    child.on('error', () => {
      clearTimeout(timer);
      resolve({ code: null, timedOut });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut });
    });
  });
}

function failureText(spec: CommandSpec, code: number | null, timedOut: boolean): string {
  const why = timedOut ? `timed out after ${Math.round(spec.timeoutMs / 1000)} s` : `exit code ${code ?? 'none (did not start or was killed)'}`;
  return `${path.basename(spec.args[0] ?? spec.command)}: ${why}\n${tailOf(spec.log, 15)}`;
}

/** Run `spec` under `/usr/bin/time -v` (or with /proc polling) and return wall time (ms) and peak RSS (bytes). */
export async function measureCommand(spec: CommandSpec): Promise<Measurement> {
  fs.mkdirSync(path.dirname(spec.log), { recursive: true });
  const logFd = fs.openSync(spec.log, 'a');
  const useTime = rssMethod() === 'gnu-time';
  const timeFile = `${spec.log}.time`;
  const [command, args] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, spec.command, ...spec.args]] : [spec.command, spec.args];
  const busyBefore = machineBusyMs();
  const start = performance.now();
  const child = spawn(command, args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', logFd, logFd], detached: true });
  let polled = 0;
  const poller = useTime || child.pid === undefined ? undefined : setInterval(() => (polled = Math.max(polled, treeHwmBytes(child.pid as number))), POLL_MS);
  const { code, timedOut } = await waitForExit(child, spec.timeoutMs);
  const wallMs = performance.now() - start;
  if (poller !== undefined) clearInterval(poller);
  fs.closeSync(logFd);
  const busyAfter = machineBusyMs();
  const timeText = useTime && fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
  const peakRssBytes = useTime ? parseGnuTimeRss(timeText) : polled;
  const cpuMs = useTime ? parseGnuTimeCpuMs(timeText) : null;
  const otherCpuMs = cpuMs === null || busyBefore === null || busyAfter === null ? null : Math.max(0, busyAfter - busyBefore - cpuMs);
  const ok = code === 0 && !timedOut;
  return { ok, exitCode: code, wallMs, peakRssBytes, cpuMs, otherCpuMs, failure: ok ? null : failureText(spec, code, timedOut) };
}
