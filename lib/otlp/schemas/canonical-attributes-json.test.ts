import { describe, expect, it } from 'vitest';
import { decodeJsonExport } from '../decode-json';
import { canonicalAttributes } from './canonical-attributes-json';
import { fullAttributesJsonSchema } from './otlp-json-schema';

const kv = (key: string, value: unknown) => ({ key, value });

/** What the zod schema makes of a list, through JSON as the decoder sees it. */
function viaSchema(list: unknown): unknown {
  return fullAttributesJsonSchema.parse(list === undefined ? undefined : JSON.parse(JSON.stringify(list)));
}

function viaFastPath(list: unknown): unknown {
  return canonicalAttributes(list === undefined ? undefined : JSON.parse(JSON.stringify(list)));
}

const deep = (levels: number): unknown =>
  levels === 0 ? { stringValue: 'leaf' } : { arrayValue: { values: [deep(levels - 1)] } };

describe('canonicalAttributes', () => {
  it.each([
    ['absent', undefined],
    ['empty', []],
    ['strings, ints, bools, doubles', [kv('s', { stringValue: 'GET' }), kv('i', { intValue: 443 }), kv('is', { intValue: '-42' }), kv('b', { boolValue: false }), kv('d', { doubleValue: 1.5 })]],
    ['zero and negative zero', [kv('a', { intValue: '-0' }), kv('b', { intValue: 0 }), kv('c', { doubleValue: 0 })]],
    ['15-digit and max safe ints', [kv('a', { intValue: '999999999999999' }), kv('b', { intValue: 9007199254740991 })]],
    ['arrays and maps, nested', [kv('h', { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 7 }] } }), kv('m', { kvlistValue: { values: [kv('x', { kvlistValue: { values: [kv('y', { boolValue: true })] } })] } })]],
    ['empty containers and an empty value', [kv('a', { arrayValue: {} }), kv('m', { kvlistValue: { values: [] } }), kv('e', {}), kv('none', undefined)]],
    ['several members set: field order decides', [kv('a', { intValue: 1, stringValue: '' }), kv('b', { kvlistValue: {}, arrayValue: {} }), kv('c', { doubleValue: 2, boolValue: true })]],
    ['unknown members and duplicate keys', [{ key: 'a', value: { stringValue: 'x', other: 1 }, extra: true }, kv('a', { stringValue: 'y' })]],
    ['a "__proto__" key', [kv('__proto__', { stringValue: 'x' }), kv('constructor', { intValue: 1 })]],
    ['eight levels of nesting', [kv('deep', deep(8))]],
  ])('maps %s exactly as the schema does', (_label, list) => {
    const fast = viaFastPath(list);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(viaSchema(list));
  });

  it('gives own properties only, even for "__proto__"', () => {
    const fast = viaFastPath([kv('__proto__', { stringValue: 'x' })]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(fast)).toBe(Object.prototype);
    expect(Object.keys(fast)).toEqual(['__proto__']);
  });

  it.each([
    ['null', null],
    ['not a list', { key: 'a' }],
    ['a null value', [kv('a', null)]],
    ['a missing key', [{ value: { stringValue: 'x' } }]],
    ['a snake_case member', [kv('a', { string_value: 'x' })]],
    ['a null member', [kv('a', { stringValue: null, intValue: 3 })]],
    ['an int as a long string', [kv('a', { intValue: '9007199254740993' })]],
    ['an unsafe int number', [kv('a', { intValue: 2 ** 60 })]],
    ['a fractional int', [kv('a', { intValue: 1.5 })]],
    ['a double as a string', [kv('a', { doubleValue: 'Infinity' })]],
    ['bytes', [kv('a', { bytesValue: 'AAE=' })]],
    ['a wrong type', [kv('a', { boolValue: 'true' })]],
    ['null container values', [kv('a', { arrayValue: { values: null } })]],
    ['nine levels of nesting', [kv('deep', deep(9))]],
  ])('leaves %s to the schema', (_label, list) => {
    expect(viaFastPath(list)).toBeUndefined();
  });

  it('still reports the schema issues of a list it leaves alone, with their full path', () => {
    const body = JSON.stringify({
      resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [kv('ok', { stringValue: 'x' }), kv('n', { intValue: '1.5' }), kv('b', { boolValue: 'yes' })] }] }] }],
    });
    expect(() => decodeJsonExport(body)).toThrow(
      'The body is not a valid OTLP/JSON ExportTraceServiceRequest: ' +
        'resourceSpans[0].scopeSpans[0].spans[0].attributes[1].value.intValue: expected a decimal string or integer; ' +
        'resourceSpans[0].scopeSpans[0].spans[0].attributes[2].value.boolValue: Invalid input: expected boolean, received string',
    );
  });
});
