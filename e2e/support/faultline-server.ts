// A built Faultline server a spec owns: `next start` on a free port and a database of the
// spec's choosing, in its own process group so SIGKILL takes down the real server, restartable
// on the same database, with its resident memory read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { e2eTokens } from '../../playwright.config';
import { nextStartArgs } from '../../scripts/next-start-args.mjs';

const root = path.resolve(__dirname, '..', '..');

export interface FaultlineServer {
  readonly base: string;
  /** Everything the server printed, across restarts. */
  output(): string;
  start(): Promise<void>;
  /** SIGKILL to the whole process group: no shutdown hooks, no flushing. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Resident memory of the server's processes, in bytes (0 when it is not running). */
  rssBytes(): number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(base: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${base} did not become healthy within ${timeoutMs} ms`);
}

/** Pids whose process group is `pgid` (the server and anything it forked). */
function processGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: fields after it are fixed.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function vmRssBytes(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function faultlineServer(options: { port: number; databaseUrl: string; env?: Record<string, string> }): FaultlineServer {
  const base = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log = '';

  const signalGroup = async (signal: NodeJS.Signals) => {
    const pid = child?.pid;
    if (!pid || child?.exitCode !== null || child?.signalCode !== null) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
    await exited;
  };

  return {
    base,
    output: () => log,
    async start() {
      child = spawn(process.execPath, nextStartArgs(options.port, '127.0.0.1'), {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NEXT_TELEMETRY_DISABLED: '1',
          PORT: String(options.port),
          HOSTNAME: '127.0.0.1',
          DATABASE_URL: options.databaseUrl,
          FAULTLINE_INGEST_TOKEN: e2eTokens.ingest,
          FAULTLINE_API_TOKEN: e2eTokens.api,
          FAULTLINE_ADMIN_EMAIL: undefined,
          FAULTLINE_ADMIN_PASSWORD: undefined,
          ...options.env,
        },
      });
      const started = child;
      exited = new Promise((resolve) => started.once('exit', () => resolve()));
      const append = (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-200_000);
      };
      started.stdout?.on('data', append);
      started.stderr?.on('data', append);
      await Promise.race([
        waitForHealth(base, 60_000),
        exited.then(() => {
          throw new Error(`the server exited during start-up:\n${log.slice(-4000)}`);
        }),
      ]);
    },
    kill: () => signalGroup('SIGKILL'),
    async stop() {
      const stopping = signalGroup('SIGTERM');
      const late = setTimeout(() => void signalGroup('SIGKILL'), 10_000);
      await stopping;
      clearTimeout(late);
    },
    rssBytes() {
      const pid = child?.pid;
      if (!pid || child?.exitCode !== null || child?.signalCode !== null) return 0;
      return processGroup(pid).reduce((sum, p) => sum + vmRssBytes(p), 0);
    },
  };
}
