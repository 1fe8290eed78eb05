// The `next start` command line every Faultline server runs with (npm start, the e2e servers,
// the benchmark), so they all serve alike.

/**
 * Idle keep-alive connections stay open 65 s instead of Node's 5 s: OpenTelemetry's batch span
 * processor exports every 5 s by default, so with a 5 s timeout an exporter regularly reuses a
 * connection at the very moment the server closes it and gets ECONNRESET (it retries, but
 * the export is late and the error logged). 65 s is what load balancers in front of Node use.
 */
export const keepAliveTimeoutMs = 65_000;

/**
 * Arguments for `node …` that start the built app on `port` (and `host`, when given), for a
 * process spawned in the repository root (the path is relative: this module is also loaded by
 * Playwright's transpiler, which cannot take import.meta).
 */
export function nextStartArgs(port, host) {
  const args = ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '--keepAliveTimeout', String(keepAliveTimeoutMs)];
  if (host) args.push('-H', host);
  return args;
}
