// Bundles lib/instrument into one self-contained ES module, dist/faultline-instrument.mjs, so any
// Node 20+ application can add Faultline with one file and one import (no other packages needed).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const instrumentBundlePath = path.join(root, 'dist', 'faultline-instrument.mjs');

/** Writes the bundle (to `outfile`, default dist/faultline-instrument.mjs) and returns its path. */
export async function buildInstrumentBundle(outfile = instrumentBundlePath) {
  await build({
    entryPoints: [path.join(root, 'lib/instrument/start-faultline-telemetry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // The OpenTelemetry packages are CommonJS and call require() on Node built-ins.
    banner: { js: "import { createRequire as __faultlineCreateRequire } from 'node:module'; const require = __faultlineCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = await buildInstrumentBundle();
  console.log(`Built ${path.relative(process.cwd(), file)}`);
}
