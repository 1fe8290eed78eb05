// Types for build-worker-bundles.mjs, imported by the vitest global setup and tests.
export const decodeWorkerBundlePath: string;
export const checkpointWorkerBundlePath: string;
export function buildDecodeWorkerBundle(outfile?: string): Promise<string>;
export function buildCheckpointWorkerBundle(outfile?: string): Promise<string>;
export function buildWorkerBundles(): Promise<string[]>;
