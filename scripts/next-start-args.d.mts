// Types for next-start-args.mjs, imported by the e2e and benchmark servers.
export const keepAliveTimeoutMs: number;
export function nextStartArgs(port: number | string, host?: string): string[];
