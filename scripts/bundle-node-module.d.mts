// Types for bundle-node-module.mjs.
export const root: string;
export function bundleNodeModule(entry: string, outfile: string): Promise<string>;
