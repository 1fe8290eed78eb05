// Runs the demo's traffic: the mock Voiso API in this process, one child process per persona
// exporting to Faultline, the key rotation, and a progress line. Bundled to dist/demo/.
import { type ChildProcess, fork } from 'node:child_process';
import { startVoisoMock, type VoisoMock } from '@/lib/mock-voiso/start-voiso-mock';
import { demoPersonas } from './demo-personas';
import { type PersonaConfig, personaConfigVariable, type RoundReport } from './persona-config';

export interface DemoTrafficOptions {
  /** Faultline's base URL, e.g. http://127.0.0.1:3000. */
  endpoint: string;
  ingestToken: string;
  /** The bundled persona entry point (dist/demo/run-persona.mjs). */
  personaScript: string;
  /**
   * When billing-worker's key is rotated away: not before this delay, and not before it has
   * succeeded a few times, so the rotation is visible as "worked, then 401" however slowly the
   * machine starts the personas.
   */
  rotateAfterMs: number;
  progressEveryMs: number;
  log(line: string): void;
}

export interface DemoTraffic {
  mock: VoisoMock;
  /** Calls per status code so far, over all personas. */
  totals(): Record<string, number>;
  stop(): Promise<void>;
}

const rotatedPersona = 'billing-worker';
// The key_rotated diagnosis wants at least 2 successes before the 401s; a margin over that.
const successesBeforeRotation = 4;

function formatTotals(totals: Record<string, number>): string {
  const sum = Object.values(totals).reduce((a, b) => a + b, 0);
  const parts = Object.entries(totals)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}×${count}`);
  return `${sum} calls so far: ${parts.join('  ')}`;
}

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function startDemoTraffic(options: DemoTrafficOptions): Promise<DemoTraffic> {
  const mock = await startVoisoMock();
  const clusterUrls = {
    acme: mock.clusters.acme.url,
    globex: mock.clusters.globex.url,
    'acme-staging': mock.clusters['acme-staging'].url,
  };
  const totals: Record<string, number> = {};
  let stopping = false;
  let rotationDue = false;
  let rotated = false;
  let rotatedKeySuccesses = 0;
  const rotate = () => {
    if (rotated || !rotationDue || rotatedKeySuccesses < successesBeforeRotation) return;
    rotated = true;
    mock.revokeKey(mock.keys.acmeRotationOld);
    options.log('[demo] key rotation: the key billing-worker still uses has been revoked, it now gets 401');
  };

  const children = demoPersonas.map((persona) => {
    const config: PersonaConfig = {
      service: persona.service,
      endpoint: options.endpoint,
      token: options.ingestToken,
      clusterUrls,
    };
    // A minimal environment: the user's OTEL_* variables are for their own apps, not the demo's.
    const child = fork(options.personaScript, [], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', [personaConfigVariable]: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: RoundReport) => {
      for (const [status, count] of Object.entries(message.statuses)) {
        totals[status] = (totals[status] ?? 0) + count;
        if (persona.service === rotatedPersona && status.startsWith('2')) rotatedKeySuccesses += count;
      }
      rotate();
    });
    child.on('exit', (code, signal) => {
      if (!stopping) options.log(`[demo] ${persona.service} exited unexpectedly (${signal ?? `code ${code}`})`);
    });
    options.log(`[demo]   ${persona.service.padEnd(19)} ${persona.mistake}`);
    return child;
  });

  const rotation = setTimeout(() => {
    rotationDue = true;
    rotate();
  }, options.rotateAfterMs);
  const progress = setInterval(() => options.log(`[demo] ${formatTotals(totals)}`), options.progressEveryMs);

  return {
    mock,
    totals: () => ({ ...totals }),
    async stop() {
      stopping = true;
      clearTimeout(rotation);
      clearInterval(progress);
      for (const child of children) child.kill('SIGTERM');
      // Each persona flushes its last spans before exiting.
      await Promise.all(children.map((child) => waitForExit(child, 5000)));
      await mock.close();
    },
  };
}
