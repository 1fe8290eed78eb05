// Types for build-instrument.mjs, imported by its test and the demo.
export const instrumentBundlePath: string;
export function buildInstrumentBundle(outfile?: string): Promise<string>;
