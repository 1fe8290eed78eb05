import { describe, expect, it } from 'vitest';
import { decodeJsonExport } from './decode-json';
import { exceedsJsonDepth } from './exceeds-json-depth';
import { OtlpDecodeError } from './otlp-decode-error';

const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);

describe('exceedsJsonDepth', () => {
  it('counts levels of objects and arrays, scalars included or not', () => {
    expect(exceedsJsonDepth(nested(3), 3)).toBe(false);
    expect(exceedsJsonDepth(nested(4), 3)).toBe(true);
    expect(exceedsJsonDepth({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(exceedsJsonDepth({ a: [{ b: { c: 1 } }] }, 3)).toBe(true);
    expect(exceedsJsonDepth('text', 0)).toBe(false);
  });

  it('follows own "__proto__" members and ignores inherited ones', () => {
    expect(exceedsJsonDepth(JSON.parse('{"__proto__":{"a":{"b":1}}}'), 2)).toBe(true);
    expect(exceedsJsonDepth(JSON.parse('{"__proto__":{"a":1}}'), 2)).toBe(false);
    const inherited = Object.create({ deep: { deeper: { deepest: {} } } }) as object;
    expect(exceedsJsonDepth(inherited, 1)).toBe(false);
  });

  it('walks a million levels without recursion', () => {
    expect(exceedsJsonDepth(nested(1_000_000))).toBe(true);
  });
});

// Regression (found by lib/ingest/ingest-fuzz.int.test.ts): deep attribute values overflowed
// the stack inside zod, whose memoizer then kept each such request's partial output forever.
describe('decodeJsonExport refuses deep documents before validating them', () => {
  it('answers a decode error naming the nesting, for a depth validation would have survived too', () => {
    const value = `${'{"arrayValue":{"values":['.repeat(60)}{"stringValue":"leaf"}${']}}'.repeat(60)}`;
    const body = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"k","value":${value}}]}]}]}]}`;
    expect(() => decodeJsonExport(body)).toThrow(OtlpDecodeError);
    expect(() => decodeJsonExport(body)).toThrow(/nested too deeply/);
  });

  it('still accepts attribute values nested a realistic 20 levels', () => {
    const value = `${'{"kvlistValue":{"values":[{"key":"k","value":'.repeat(20)}{"stringValue":"leaf"}${'}]}}'.repeat(20)}`;
    const body = `{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"GET","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"k","value":${value}}]}]}]}]}`;
    expect(decodeJsonExport(body).spans).toHaveLength(1);
  });
});
