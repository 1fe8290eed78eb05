// Which Chromium the e2e tests drive: Playwright's own build where it is installed,
// otherwise the distribution's /usr/bin/chromium (Playwright cannot download its build
// on machines without internet access). ensureChromium() installs Debian's when root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const systemCandidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {{ executablePath?: string } | null} null when no browser is available */
export function findChromium() {
  try {
    if (fs.existsSync(chromium.executablePath())) return {};
  } catch {
    // playwright-core throws when it has no browser registry entry; fall through.
  }
  const found = systemCandidates.find((p) => fs.existsSync(p));
  return found ? { executablePath: found } : null;
}

/** Flags for a system Chromium in a sandboxed, offline container. */
export const systemChromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function ensureChromium(log = console.log) {
  const found = findChromium();
  if (found) return found;
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canInstall) return null;
  log('[test] no Chromium found: installing Debian\'s chromium package (apt-get)…');
  execFileSync('apt-get', ['update'], { stdio: 'ignore' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return findChromium();
}
