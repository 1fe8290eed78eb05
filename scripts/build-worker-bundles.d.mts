// Types for build-decode-worker.mjs, imported by the vitest global setup.
export const decodeWorkerBundlePath: string;
export function buildDecodeWorkerBundle(outfile?: string): Promise<string>;
