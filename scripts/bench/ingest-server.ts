// The built Faultline server as a benchmark subject: `next start` as a child process on its own
// port and database, ready once /api/health answers 200, with its resident memory sampled every
// 100 ms (summed over the process and any children, so a wrapper or worker cannot hide memory).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { nextStartArgs } from '../next-start-args.mjs';

export interface BenchServer {
  base: string;
  pid: number;
  /** Highest summed VmRSS seen since start or the last resetPeak(), in bytes. */
  peakRssBytes(): number;
  /** Highest VmHWM (kernel's peak RSS) of the server process itself, in bytes. */
  highWaterMarkBytes(): number;
  resetPeak(): void;
  output(): string;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  root: string;
  port: number;
  databaseUrl: string;
  env: Record<string, string>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants, from /proc (Linux only; empty elsewhere). */
function processTree(root: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(e)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const base = `http://127.0.0.1:${options.port}`;
  // `next start` itself, not scripts/start.mjs: its pid is the server's, so its memory is what we read.
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": profile the server itself.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...nextStartArgs(options.port, '127.0.0.1')], {
    cwd: options.root,
    env: { ...process.env, ...options.env, DATABASE_URL: options.databaseUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start next start');
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  let peak = 0;
  let hwm = 0;
  let tree = [pid];
  let sweeps = 0;
  const sample = () => {
    if (sweeps++ % 20 === 0) tree = processTree(pid); // children appear rarely; re-scan every 2 s
    peak = Math.max(peak, tree.reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0));
    hwm = Math.max(hwm, ...tree.map((p) => statusField(p, 'VmHWM')));
  };
  const sampler = setInterval(sample, 100);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${log}`);
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer /api/health within 120 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  tree = processTree(pid);
  sample();
  return {
    base,
    pid,
    peakRssBytes: () => peak,
    highWaterMarkBytes: () => hwm,
    resetPeak: () => {
      sample();
      peak = tree.reduce((sum, p) => sum + statusField(p, 'VmRSS'), 0);
    },
    output: () => log,
    stop,
  };
}
