// Bundles lib/instrument into one self-contained ES module, dist/faultline-instrument.mjs, so any
// Node 20+ application can add Faultline with one file and one import (no other packages needed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNodeModule, root } from './bundle-node-module.mjs';

export const instrumentBundlePath = path.join(root, 'dist', 'faultline-instrument.mjs');

/** Writes the bundle (to `outfile`, default dist/faultline-instrument.mjs) and returns its path. */
export function buildInstrumentBundle(outfile = instrumentBundlePath) {
  return bundleNodeModule('lib/instrument/start-faultline-telemetry.ts', outfile);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await buildInstrumentBundle();
  console.log(`Built ${path.relative(process.cwd(), file)}`);
}
