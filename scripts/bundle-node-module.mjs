// One esbuild configuration for the self-contained Node ES modules Faultline ships or runs
// (the instrumentation bundle, the demo): everything inlined, `@/` resolved via tsconfig.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Bundles `entry` (relative to the repository root) into `outfile`, except the `external` packages; returns `outfile`. */
export async function bundleNodeModule(entry, outfile, { external = [] } = {}) {
  await build({
    external,
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    tsconfig: path.join(root, 'tsconfig.json'),
    // The OpenTelemetry packages are CommonJS and call require() on Node built-ins.
    banner: {
      js: "import { createRequire as __faultlineCreateRequire } from 'node:module'; const require = __faultlineCreateRequire(import.meta.url);",
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return outfile;
}
