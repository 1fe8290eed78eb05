// Types for find-chromium.mjs, imported by playwright.config.ts.
export function findChromium(): { executablePath?: string } | null;
export const systemChromiumArgs: string[];
export function ensureChromium(log?: (line: string) => void): { executablePath?: string } | null;
