// Runs `next build` only when the sources changed since the last build, so `npm start`
// on a fresh clone builds once and later starts are instant.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, '.next', 'faultline-source-hash');
const inputs = ['app', 'lib', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'package.json', 'tsconfig.json', 'prisma/schema.prisma'];
const skipped = /(^|\/)(generated|fixtures)(\/|$)|\.test\.tsx?$/;

function* files(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) yield* files(path.join(p, name));
  } else if (!skipped.test(p)) yield p;
}

export function sourceHash() {
  const h = createHash('sha256');
  for (const input of inputs) for (const f of files(input)) h.update(f).update('\0').update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex');
}

// The worker threads are bundled apart from Next (see build-worker-bundles.mjs) but from the
// same lib/ sources, so they are rebuilt whenever the app is, or when only one is missing.
const workerBundles = ['ingest-decode-worker.mjs', 'sqlite-checkpoint-worker.mjs'].map((f) => path.join(root, 'dist', f));

function buildWorkers() {
  // A child process because esbuild's API is async and this function is not.
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-worker-bundles.mjs')], { cwd: root, stdio: 'inherit' });
}

export function buildIfNeeded() {
  const hash = sourceHash();
  const built = fs.existsSync(path.join(root, '.next', 'BUILD_ID')) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash;
  if (built) {
    if (workerBundles.every((f) => fs.existsSync(f))) return false;
    buildWorkers();
    return true;
  }
  console.log('[faultline] building the app (first start or sources changed)…');
  buildWorkers();
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  execFileSync(process.execPath, [next, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
  fs.writeFileSync(stampFile, hash);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfNeeded();
