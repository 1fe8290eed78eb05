// `npm test`: the whole suite. Typecheck and lint, unit + integration tests on SQLite,
// the integration tests again on PostgreSQL, then the built app end to end in Chromium
// on both databases. Ends with one line: "N passed, N failed".
// Under CI=true a missing PostgreSQL or browser fails the run; elsewhere it is skipped
// with a loud notice (the skipped part is counted as failed only under CI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed.mjs';
import { ensureChromium } from './find-chromium.mjs';
import { createDatabase, dropDatabase, ensurePostgres } from './ensure-postgres.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.test-output');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

function run(label, cmd, args, env = {}) {
  console.log(`\n[test] ── ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitest(label, env, patterns) {
  const report = path.join(out, `vitest-${label}.json`);
  const ok = run(`vitest (${label})`, bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...patterns], env);
  const r = readJson(report);
  if (!r) {
    totals.failed += 1;
    problems.push(`vitest (${label}) produced no report`);
    return;
  }
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  if (!ok || r.numFailedTests > 0 || r.numFailedTestSuites > 0) {
    if (r.numFailedTests === 0) totals.failed += r.numFailedTestSuites || 1;
    problems.push(`vitest (${label})`);
  }
}

function playwright(label, env) {
  const report = path.join(out, `playwright-${label}.json`);
  const ok = run(`playwright e2e (${label})`, bin('playwright'), ['test', '--reporter=list,json'], {
    ...env,
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
    FAULTLINE_E2E_OUTPUT: path.join(out, `e2e-${label}`),
  });
  const r = readJson(report);
  const s = r?.stats;
  if (!s) {
    totals.failed += 1;
    problems.push(`playwright (${label}) produced no report`);
    return;
  }
  totals.passed += s.expected + (s.flaky ?? 0);
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
  if (!ok || s.unexpected > 0) {
    if (s.unexpected === 0) totals.failed += 1;
    problems.push(`playwright (${label})`);
  }
}

function missing(what, hint) {
  const msg = `${what} is not available: ${hint}`;
  console.log(`\n[test] !! ${msg}`);
  if (ci) {
    totals.failed += 1;
    problems.push(msg);
  } else {
    problems.push(`skipped: ${msg}`);
  }
}

check('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', '.']);
check('lint (biome)', bin('biome'), ['lint', '.']);

vitest('sqlite', { FAULTLINE_TEST_DB: 'sqlite' }, []);

const postgres = await ensurePostgres().catch((err) => {
  console.log(`[test] ${err.message}`);
  return null;
});
if (postgres) {
  console.log(`[test] using ${postgres.description}`);
  vitest('postgresql', { FAULTLINE_TEST_DB: 'postgresql', FAULTLINE_TEST_PG_URL: postgres.url }, ['.int.test.ts']);
} else {
  missing('PostgreSQL', 'start one on 127.0.0.1:5432, set FAULTLINE_TEST_PG_URL, or install the postgresql package');
}

const browser = (() => {
  try {
    return ensureChromium((line) => console.log(line));
  } catch (err) {
    console.log(`[test] could not install Chromium: ${err.message}`);
    return null;
  }
})();
if (browser) {
  let built = true;
  try {
    buildIfNeeded();
  } catch {
    built = false;
    totals.failed += 1;
    problems.push('next build');
  }
  if (built) {
    const browserEnv = browser.executablePath ? { FAULTLINE_CHROMIUM_PATH: browser.executablePath } : {};
    const sqliteUrl = `file:${path.join(out, 'e2e-sqlite', 'faultline.db')}`;
    playwright('sqlite', { ...browserEnv, FAULTLINE_E2E_DATABASE_URL: sqliteUrl });
    if (postgres) {
      const pgUrl = await createDatabase(postgres.url, 'faultline_e2e');
      playwright('postgresql', { ...browserEnv, FAULTLINE_E2E_DATABASE_URL: pgUrl });
      await dropDatabase(postgres.url, pgUrl);
    }
  }
} else {
  missing('Chromium', 'install it (Debian: apt-get install chromium) or run `npx playwright install chromium` where downloads work');
}

await postgres?.stop();

console.log('');
for (const p of problems) console.log(`[test] ${p.startsWith('skipped') ? p : `FAILED: ${p}`}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
