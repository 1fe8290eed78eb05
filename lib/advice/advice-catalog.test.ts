import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { adviceCatalog, adviceFor } from './advice-catalog';
import type { AdviceEntry } from './advice-entry';

const documented = ['400', '401', '403', '404', '406', '409', '422', '429', '5xx'];

// The provider's error-code page the catalog was written from, kept as a fixture so this
// check runs in every checkout.
const referenceFile = path.join(__dirname, 'fixtures', 'voiso-api-v4-error-codes.txt');

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[•\u2022]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lines of `reference` with at least `minWords` words that appear, normalised, in `text`. */
function copiedLines(reference: string, text: string, minWords = 6): string[] {
  const haystack = normalise(text);
  return reference
    .split(/\r?\n/)
    .map(normalise)
    .filter((line) => line.split(' ').length >= minWords && haystack.includes(line));
}

function entryText(e: AdviceEntry): string {
  return [e.title, e.meaning, ...e.causes, ...e.checks, e.fix, e.example?.wrong ?? '', e.example?.right ?? ''].join('\n');
}

describe('adviceCatalog', () => {
  it.each(documented)('has a complete entry for %s', (status) => {
    const entry = adviceCatalog[status];
    expect(entry?.status).toBe(status);
    expect(entry?.title.trim()).not.toBe('');
    expect(entry?.meaning.trim()).not.toBe('');
    expect(entry?.causes.length).toBeGreaterThan(0);
    expect(entry?.checks.length).toBeGreaterThan(0);
    for (const line of [...(entry?.causes ?? []), ...(entry?.checks ?? [])]) expect(line.trim()).not.toBe('');
    expect(entry?.fix.trim()).not.toBe('');
  });

  it('shows the corrected requests the fixes call for', () => {
    expect(adviceCatalog['401']?.example?.right).toContain('Authorization: Bearer <contact_center_api_key>');
    expect(adviceCatalog['401']?.example?.wrong).not.toContain('Bearer');
    expect(adviceCatalog['406']?.example?.right).toContain('Accept: application/json');
    expect(adviceCatalog['409']?.example?.right).toMatch(/^# 1\. Read the resource[\s\S]*\ncurl "https:[^"]+" -H "Authorization: Bearer/);
    expect(adviceCatalog['429']?.example?.right).toMatch(/retry-after/i);
    expect(adviceCatalog['404']?.example?.right).toContain('https://{cluster_id}.voiso.com/api/v4/');
  });
});

describe('adviceFor', () => {
  it.each([
    [401, '401'],
    ['401', '401'],
    [' 429 ', '429'],
    [500, '5xx'],
    ['503', '5xx'],
    [599, '5xx'],
    ['5xx', '5xx'],
    ['5XX', '5xx'],
  ])('maps %j to the %s entry', (status, expected) => {
    expect(adviceFor(status)?.status).toBe(expected);
  });

  it.each([200, 405, 600, '4xx', 'network', '', 'constructor', '__proto__'])('has nothing for %j', (status) => {
    expect(adviceFor(status)).toBeUndefined();
  });
});

describe('copiedLines (the check below)', () => {
  const reference = 'Heading\n\n  • The quick brown fox jumps over the lazy dog.\nShort line here.';

  it('catches a reference sentence pasted with other case and spacing', () => {
    expect(copiedLines(reference, 'Intro. the QUICK brown fox\n   jumps over the lazy dog. Outro.')).toEqual([
      'the quick brown fox jumps over the lazy dog.',
    ]);
  });

  it('ignores lines under six words and paraphrases', () => {
    expect(copiedLines(reference, 'Short line here. A fast brown fox leaps over a sleepy dog.')).toEqual([]);
  });
});

describe('the catalog against the reference page', () => {
  it('copies no sentence of it', () => {
    const reference = readFileSync(referenceFile, 'utf8');
    // The check has something to compare: the page has many long lines.
    expect(reference.split('\n').filter((l) => normalise(l).split(' ').length >= 6).length).toBeGreaterThan(20);
    const catalogText = Object.values(adviceCatalog).map(entryText).join('\n');
    expect(copiedLines(reference, catalogText)).toEqual([]);
  });
});
