// Structure-aware mutations of an OTLP/JSON export object for the fuzz tests: values of the
// wrong type, hostile strings (NUL, lone surrogates, huge, deeply nested JSON error bodies),
// out-of-range numbers, deleted keys, deep attribute nesting and repeated spans.
import type { OtlpJsonObject } from './otlp-fuzz-seeds';
import type { SeededRandom } from './seeded-random';

const deepJsonText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const hostileStrings: readonly string[] = [
  '',
  '\u0000',
  'GET\u0000POST',
  '\ud800',
  '\udfff\ud800x',
  'x'.repeat(70_000),
  '🚀'.repeat(2_000),
  '\u202e\u200b\ufeff',
  '%00%ff',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'NaN',
  '-1',
  '99999999999999999999999',
  '1e309',
  '0x1F',
  ' 12 ',
  '{"error":',
  '{"errors":{"name":[{"deep":[[[[[[1]]]]]]}]}}',
  deepJsonText(3_000),
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  'https://user:pass@[::1]:99999/%zz?x=%',
  'http://',
  '/'.repeat(5_000),
];

const hostileNumbers: readonly number[] = [0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 2, 2 ** 64, -(2 ** 63), 5e-324];

const hostileInt64Strings: readonly string[] = [
  '18446744073709551615',
  '18446744073709551616',
  '9223372036854775807',
  '-9223372036854775808',
  '-9223372036854775809',
  '-1',
  '0',
  '1e3',
  '',
  ' 1',
];

function hostileValue(random: SeededRandom): unknown {
  switch (random.int(0, 7)) {
    case 0:
      return random.pick(hostileStrings);
    case 1:
      return random.pick(hostileNumbers);
    case 2:
      return random.pick(hostileInt64Strings);
    case 3:
      return random.pick([null, true, false]);
    case 4:
      return random.pick([[], {}, [null], [{}], { stringValue: 1 }, { intValue: {} }]);
    case 5:
      return { stringValue: random.pick(hostileStrings) };
    case 6:
      return { intValue: random.pick(hostileInt64Strings) };
    default:
      return deepAnyValue(random.pick([20, 200]), random.chance(0.5) ? 'array' : 'kvlist');
  }
}

/**
 * An AnyValue nested `depth` levels deep, through arrays or key-value lists. Deeper than a few
 * hundred levels the test's own encoders (JSON.stringify, protobufjs) overflow the stack: build
 * those as text with deepAnyValueJson or on the wire instead.
 */
export function deepAnyValue(depth: number, via: 'array' | 'kvlist'): unknown {
  let value: unknown = { stringValue: 'bottom' };
  for (let i = 0; i < depth; i += 1) {
    value = via === 'array' ? { arrayValue: { values: [value] } } : { kvlistValue: { values: [{ key: 'k', value }] } };
  }
  return value;
}

/** deepAnyValue as OTLP/JSON text, for any depth. */
export function deepAnyValueJson(depth: number, via: 'array' | 'kvlist'): string {
  const open = via === 'array' ? '{"arrayValue":{"values":[' : '{"kvlistValue":{"values":[{"key":"k","value":';
  const close = via === 'array' ? ']}}' : '}]}}';
  return `${open.repeat(depth)}{"stringValue":"bottom"}${close.repeat(depth)}`;
}

interface Slot {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  value: unknown;
}

function slots(root: unknown): Slot[] {
  const out: Slot[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((value, key) => {
        out.push({ parent: node, key, value });
        walk(value);
      });
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        out.push({ parent: node as Record<string, unknown>, key, value });
        walk(value);
      }
    }
  };
  walk(root);
  return out;
}

function set(slot: Slot, value: unknown): void {
  (slot.parent as Record<string | number, unknown>)[slot.key] = value;
}

/** Applies 1–3 structural mutations in place and names them. */
export function mutateExportObject(request: OtlpJsonObject, random: SeededRandom): string {
  const names: string[] = [];
  for (let round = random.int(1, 3); round > 0; round -= 1) {
    const all = slots(request);
    if (all.length === 0) break;
    const slot = random.pick(all);
    const op = random.int(0, 5);
    if (op === 0) {
      set(slot, hostileValue(random));
      names.push(`replace ${String(slot.key)}`);
    } else if (op === 1 && typeof slot.value === 'string') {
      set(slot, random.pick(hostileStrings));
      names.push(`hostile string at ${String(slot.key)}`);
    } else if (op === 2 && !Array.isArray(slot.parent)) {
      delete slot.parent[slot.key as string];
      names.push(`delete ${String(slot.key)}`);
    } else if (op === 3 && Array.isArray(slot.value) && slot.value.length > 0) {
      const copies = random.pick([2, 50, 600]);
      set(slot, Array.from({ length: copies }, () => structuredClone((slot.value as unknown[])[0])));
      names.push(`repeat ${String(slot.key)} x${copies}`);
    } else if (op === 4) {
      const value = all.find((s) => s.key === 'value' && !Array.isArray(s.parent));
      if (value) set(value, deepAnyValue(random.pick([20, 100, 250]), random.chance(0.5) ? 'array' : 'kvlist'));
      names.push('deep attribute value');
    } else {
      set(slot, random.pick(hostileNumbers));
      names.push(`number at ${String(slot.key)}`);
    }
  }
  return names.join(', ');
}
