// `npm run demo`: the dashboard (as `npm start` runs it), a mock of the Voiso v4 API, and
// fourteen small applications that call it with real mistakes, traced by Faultline's own
// instrumentation and exported over OTLP, until Ctrl-C.
//
// Environment: PORT and DATABASE_URL as for `npm start`; FAULTLINE_INGEST_TOKEN (random when
// unset); FAULTLINE_ADMIN_EMAIL / FAULTLINE_ADMIN_PASSWORD as for `npm start` (on a new database
// the dashboard prints a generated password once; the demo repeats that sign-in line at the end
// of its start-up, where it is not lost among the applications' output);
// FAULTLINE_DEMO_ROTATE_AFTER_S (key rotation, default 45); FAULTLINE_DEMO_SECONDS (stop by
// itself after that long; default: run until stopped).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleNodeModule, root } from './bundle-node-module.mjs';

function secondsFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`[demo] ${name} must be a positive number of seconds, got "${raw}"`);
    process.exit(2);
  }
  return value;
}

const port = process.env.PORT || '3000';
const rotateAfterS = secondsFromEnv('FAULTLINE_DEMO_ROTATE_AFTER_S', 45);
const runForS = secondsFromEnv('FAULTLINE_DEMO_SECONDS', 0);
const ingestToken = process.env.FAULTLINE_INGEST_TOKEN || `fl_demo_${randomBytes(24).toString('base64url')}`;
// The personas talk to the dashboard on this machine, whatever interface it listens on.
const host = !process.env.HOSTNAME || process.env.HOSTNAME === '0.0.0.0' ? '127.0.0.1' : process.env.HOSTNAME;
const endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

const distDir = path.join(root, 'dist', 'demo');
const personaScript = path.join(distDir, 'run-persona.mjs');
const trafficModule = path.join(distDir, 'start-demo-traffic.mjs');

console.log('[demo] bundling the demo applications…');
await Promise.all([
  bundleNodeModule('lib/demo/run-persona.ts', personaScript),
  bundleNodeModule('lib/demo/start-demo-traffic.ts', trafficModule),
]);

// Detached, so Ctrl-C reaches only this process and the shutdown happens in order:
// the applications flush their last spans before the dashboard stops.
// Its output is passed through as it comes, and read for the banner's sign-in line.
const dashboard = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  stdio: ['pipe', 'pipe', 'inherit'],
  detached: true,
  env: {
    ...process.env,
    PORT: port,
    FAULTLINE_INGEST_TOKEN: ingestToken,
    FAULTLINE_STOP_WITH_STDIN: '1',
    // Piped output is not a terminal; keep Next's colours when ours is one.
    ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
  },
});
let signInLine = '';
let bannerSeen = false;
let partialLine = '';
dashboard.stdout.setEncoding('utf8');
dashboard.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (partialLine + chunk).split('\n');
  partialLine = lines.pop() ?? '';
  for (const line of lines) {
    const signIn = /\[faultline\] sign in as:\s+(.*)$/.exec(line);
    if (signIn) signInLine = signIn[1].trim();
    // The banner's line after the sign-in one.
    if (line.includes('[faultline] OTLP endpoint:')) bannerSeen = true;
  }
});
let dashboardExited = false;
dashboard.on('exit', (code, signal) => {
  dashboardExited = true;
  if (!stopping) {
    console.error(`[demo] the dashboard stopped (${signal ?? `code ${code}`}); stopping the demo`);
    void stop(1);
  }
});
process.on('exit', () => {
  if (!dashboardExited) dashboard.kill('SIGTERM');
});

let traffic;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n[demo] stopping…');
  await traffic?.stop();
  if (!dashboardExited) {
    dashboard.kill('SIGTERM');
    await new Promise((resolve) => (dashboardExited ? resolve() : dashboard.once('exit', resolve)));
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function waitForHealth() {
  // The first start builds the app, which takes a few minutes on a small machine.
  while (!stopping && !dashboardExited) {
    try {
      const res = await fetch(`${endpoint}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        // The banner is printed before the server answers; give its pipe a moment to deliver it.
        for (let i = 0; i < 20 && !bannerSeen; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
        return true;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

if (await waitForHealth()) {
  const { startDemoTraffic } = await import(pathToFileURL(trafficModule).href);
  console.log('[demo] starting the mock Voiso API and the demo applications:');
  traffic = await startDemoTraffic({
    endpoint,
    ingestToken,
    personaScript,
    rotateAfterMs: rotateAfterS * 1000,
    progressEveryMs: 15_000,
    log: (line) => console.log(line),
  });
  const clusters = Object.entries(traffic.mock.clusters).map(([id, { url }]) => `${id} ${url}`);
  console.log(`[demo] mock Voiso clusters: ${clusters.join(', ')}`);
  console.log(`[demo] dashboard: http://localhost:${port}  (counts grow every few seconds; Ctrl-C stops everything)`);
  console.log(
    signInLine
      ? `[demo] sign in as: ${signInLine}`
      : '[demo] sign in with this database\'s admin account (its password was printed when the database was first used; FAULTLINE_ADMIN_EMAIL and FAULTLINE_ADMIN_PASSWORD apply to a new database only)',
  );
  if (runForS > 0) setTimeout(() => void stop(0), runForS * 1000);
}
