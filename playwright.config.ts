// End-to-end tests: the built app served by `npm start` on its own port and database,
// driven by real OpenTelemetry exporters and a real Chromium.
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { findChromium, systemChromiumArgs } from './scripts/find-chromium.mjs';

const port = Number(process.env.FAULTLINE_E2E_PORT ?? 3107);
const outputDir = process.env.FAULTLINE_E2E_OUTPUT ?? path.join(__dirname, '.test-output', 'e2e');
const databaseUrl = process.env.FAULTLINE_E2E_DATABASE_URL ?? `file:${path.join(__dirname, '.test-output', 'e2e-standalone.db')}`;
const executablePath = process.env.FAULTLINE_CHROMIUM_PATH ?? findChromium()?.executablePath;

export const e2eTokens = {
  ingest: 'e2e-ingest-token-0123456789abcdef',
  api: 'e2e-api-token-0123456789abcdef01',
};

/** The first admin of the e2e server; e2e/sign-in.setup.ts signs in with it through the real form. */
export const e2eAdmin = { email: 'e2e-admin@example.com', password: 'e2e-admin-password-0123' };
/** The e2e server's sign-in rate limit. */
export const e2eLoginLimits = { maxFailures: 5, lockoutSeconds: 8 };
/** The signed-in browser state every spec starts from. */
export const adminStorageState = path.join(outputDir, 'admin-storage-state.json');

export default defineConfig({
  testDir: 'e2e',
  outputDir: path.join(outputDir, 'artifacts'),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: process.env.CI === 'true',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: executablePath ? { executablePath, args: systemChromiumArgs } : {},
  },
  projects: [
    { name: 'sign-in', testMatch: /sign-in\.setup\.ts$/, use: { browserName: 'chromium' } },
    { name: 'chromium', dependencies: ['sign-in'], use: { browserName: 'chromium', storageState: adminStorageState } },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      FAULTLINE_INGEST_TOKEN: e2eTokens.ingest,
      FAULTLINE_API_TOKEN: e2eTokens.api,
      FAULTLINE_ADMIN_EMAIL: e2eAdmin.email,
      FAULTLINE_ADMIN_PASSWORD: e2eAdmin.password,
      // Small, so e2e/sign-in-limits.spec.ts sees a lockout begin and end within seconds.
      FAULTLINE_LOGIN_MAX_FAILURES: String(e2eLoginLimits.maxFailures),
      FAULTLINE_LOGIN_LOCKOUT_SECONDS: String(e2eLoginLimits.lockoutSeconds),
    },
  },
});
