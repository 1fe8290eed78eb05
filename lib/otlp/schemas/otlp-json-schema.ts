// Owns the zod schema for OTLP/JSON trace exports, producing encoding-neutral span candidates.
import { z } from 'zod';
import type { AttributeValue, Attributes } from '../decoded-span';
import { MAX_JSON_DEPTH } from '../exceeds-json-depth';
import { canonicalAttributes } from './canonical-attributes-json';
import { canonicalSpan } from './canonical-span-json';
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from './otlp-json-enums';
import { int64AttributeValue } from '../int64-attribute-value';
import type {
  ResourceSpansCandidate,
  ScopeSpansCandidate,
  SpanCandidate,
} from '../span-candidate';

// proto3 JSON rules as applied by OTLP: lowerCamelCase names (original snake_case names are
// accepted too), null means "absent", unknown fields are ignored (zod strips them), 64-bit
// integers as decimal strings or numbers, enums as integers or their names. Trace and span ids
// are hex strings, NOT base64 as generic proto3 JSON would have them, so this schema keeps them
// as raw strings and validate-span checks them per span.

const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_OR_SPECIAL = /^(?:-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|NaN|-?Infinity)$/;
const BASE64 = /^(?:[A-Za-z0-9+/_-]{4})*(?:[A-Za-z0-9+/_-]{2}(?:==)?|[A-Za-z0-9+/_-]{3}=?)?$/;

function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Renames snake_case keys of one object; the lowerCamelCase spelling wins if both are present. */
function acceptSnakeCase(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (!keys.some((key) => key.includes('_'))) return value;
  const renamed: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const camel = snakeToCamel(key);
    if (camel === key || !Object.hasOwn(value, camel)) {
      Object.defineProperty(renamed, camel, { value: field, enumerable: true, writable: true });
    }
  }
  return renamed;
}

function otlpObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess(acceptSnakeCase, z.object(shape));
}

/** A scalar that may be null/absent (→ null) and is otherwise parsed leniently or rejected. */
function lenientScalar<T>(expected: string, parse: (value: unknown) => T | undefined) {
  return z
    .unknown()
    .transform((value, ctx): T | null => {
      if (value === undefined || value === null) return null;
      const parsed = parse(value);
      if (parsed !== undefined) return parsed;
      ctx.addIssue({ code: 'custom', message: `expected ${expected}`, input: value });
      return z.NEVER;
    })
    .optional();
}

/**
 * Numbers are accepted as the spec allows, but JSON.parse has already rounded any above 2^53,
 * which is why exporters send 64-bit values as strings.
 */
function parseInteger(value: unknown, min: bigint, max: bigint): bigint | undefined {
  let parsed: bigint | undefined;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) parsed = BigInt(value);
  if (typeof value === 'number' && Number.isInteger(value)) parsed = BigInt(value);
  return parsed !== undefined && parsed >= min && parsed <= max ? parsed : undefined;
}

const uint64Json = lenientScalar('a decimal string or integer', (v) => parseInteger(v, 0n, UINT64_MAX));
const int64Json = lenientScalar('a decimal string or integer', (v) => parseInteger(v, INT64_MIN, INT64_MAX));

const doubleJson = lenientScalar('a number', (v) => {
  if (typeof v === 'number') return v;
  // proto3 JSON spells non-finite doubles as strings and allows numbers in strings.
  if (typeof v === 'string' && DECIMAL_OR_SPECIAL.test(v)) return Number(v);
  return undefined;
});

const base64Json = lenientScalar('a base64 string', (v) => {
  if (typeof v !== 'string' || !BASE64.test(v)) return undefined;
  return Buffer.from(v, 'base64').toString('hex');
});

/** Ids stay raw: validate-span rejects a bad id per span instead of failing the request. */
const idJson = lenientScalar('a hex string', (v) => (typeof v === 'string' ? v : undefined));

function enumJson(names: Record<string, number>) {
  return lenientScalar(`an integer or one of ${Object.keys(names).join(', ')}`, (v) => {
    // Own names only: "constructor" or "__proto__" must not read Object.prototype's members.
    if (typeof v === 'string') return (Object.hasOwn(names, v) ? names[v] : undefined) ?? parseEnumNumber(v);
    return parseEnumNumber(v);
  });
}

function parseEnumNumber(value: unknown): number | undefined {
  const parsed = parseInteger(value, -(2n ** 31n), 2n ** 31n - 1n);
  return parsed === undefined ? undefined : Number(parsed);
}

const stringJson = z.string().nullish().transform((v) => v ?? '');

function keyValuesToAttributes(
  values: ReadonlyArray<{ key: string; value: AttributeValue }> | null | undefined,
): Attributes {
  // Object.fromEntries defines own properties, so a "__proto__" key cannot touch the prototype.
  return Object.fromEntries((values ?? []).map((kv) => [kv.key, kv.value]));
}

// AnyValue nests through arrayValue and kvlistValue. A recursive (z.lazy) schema made zod track
// every value it visited to detect cycles, ~40% of JSON decoding, so the schema is unrolled
// instead, one level per nesting, as deep as exceedsJsonDepth lets a request through (every
// nesting takes three JSON levels: AnyValue, ArrayValue or KeyValueList, and its array).
const MAX_ANY_VALUE_NESTING = Math.ceil(MAX_JSON_DEPTH / 3);

/** Below the deepest level: nothing may nest any further. */
const tooDeep = z
  .unknown()
  .transform((value, ctx): never | null => {
    if (value === undefined || value === null) return null;
    ctx.addIssue({ code: 'custom', message: `values nest more than ${MAX_ANY_VALUE_NESTING} levels deep`, input: value });
    return z.NEVER;
  })
  .optional();

function keyValueSchema(value: z.ZodType<AttributeValue>) {
  return otlpObject({ key: stringJson, value: value.nullish() }).transform((kv) => ({ key: kv.key, value: kv.value ?? null }));
}

/** An AnyValue whose arrays and key-value lists may hold values `nesting` levels deeper. */
function anyValueSchema(nesting: number): z.ZodType<AttributeValue> {
  const inner = nesting > 0 ? anyValueSchema(nesting - 1) : null;
  const arrayValue = inner
    ? otlpObject({ values: z.array(inner).nullish() }).transform((v): AttributeValue[] => v.values ?? []).nullish()
    : tooDeep;
  const kvlistValue = inner
    ? otlpObject({ values: z.array(keyValueSchema(inner)).nullish() }).transform((v): Attributes => keyValuesToAttributes(v.values)).nullish()
    : tooDeep;
  return otlpObject({
    stringValue: z.string().nullish(),
    boolValue: z.boolean().nullish(),
    intValue: int64Json,
    doubleValue: doubleJson,
    arrayValue,
    kvlistValue,
    bytesValue: base64Json,
  }).transform((v): AttributeValue => {
    // A well-formed AnyValue sets one member; if several are set the first in field order wins.
    if (v.stringValue !== undefined && v.stringValue !== null) return v.stringValue;
    if (v.boolValue !== undefined && v.boolValue !== null) return v.boolValue;
    if (v.intValue !== undefined && v.intValue !== null) return int64AttributeValue(v.intValue);
    if (v.doubleValue !== undefined && v.doubleValue !== null) return v.doubleValue;
    if (v.arrayValue) return v.arrayValue;
    if (v.kvlistValue) return v.kvlistValue;
    if (v.bytesValue !== undefined && v.bytesValue !== null) return v.bytesValue;
    return null;
  });
}

/** The schema proper; exported for the equivalence test of the canonical fast path. */
export const fullAttributesJsonSchema = z
  .array(keyValueSchema(anyValueSchema(MAX_ANY_VALUE_NESTING)))
  .nullish()
  .transform(keyValuesToAttributes);

/**
 * Attribute lists are most of a request. In the canonical form exporters send, the answer is
 * computed directly (canonical-attributes-json.ts); any other list goes through the full schema,
 * whose issues are passed on unchanged (their paths relative to the list, as nested schemas' are).
 */
export const attributesJsonSchema = z
  .unknown()
  .optional()
  .transform((value, ctx): Attributes => {
    const canonical = canonicalAttributes(value);
    if (canonical !== undefined) return canonical;
    const result = fullAttributesJsonSchema.safeParse(value);
    if (result.success) return result.data;
    // Finalised issues keep their message; the enclosing objects prefix their paths as usual.
    for (const issue of result.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
    return z.NEVER;
  });

/** The schema proper; exported for the equivalence test of the canonical fast path. */
export const fullSpanJsonSchema = otlpObject({
  traceId: idJson,
  spanId: idJson,
  parentSpanId: idJson,
  name: stringJson,
  kind: enumJson(SPAN_KIND_NAMES),
  startTimeUnixNano: uint64Json,
  endTimeUnixNano: uint64Json,
  attributes: attributesJsonSchema,
  status: otlpObject({ code: enumJson(STATUS_CODE_NAMES), message: stringJson }).nullish(),
}).transform(
  (s): SpanCandidate => ({
    traceId: s.traceId ?? '',
    spanId: s.spanId ?? '',
    parentSpanId: s.parentSpanId ?? '',
    name: s.name,
    kind: s.kind ?? 0,
    startTimeUnixNano: s.startTimeUnixNano ?? null,
    endTimeUnixNano: s.endTimeUnixNano ?? null,
    statusCode: s.status?.code ?? 0,
    attributes: s.attributes,
  }),
);

/**
 * Spans in the canonical form exporters send are mapped directly (canonical-span-json.ts); any
 * other span goes through the full schema, whose issues are passed on unchanged.
 */
export const spanJsonSchema = z.unknown().transform((value, ctx): SpanCandidate => {
  const canonical = canonicalSpan(value);
  if (canonical !== undefined) return canonical;
  const result = fullSpanJsonSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) ctx.addIssue(issue as Parameters<typeof ctx.addIssue>[0]);
  return z.NEVER;
});

export const scopeSpansJsonSchema = otlpObject({
  scope: otlpObject({ name: stringJson }).nullish(),
  spans: z.array(spanJsonSchema).nullish(),
}).transform(
  (s): ScopeSpansCandidate => ({ scopeName: s.scope?.name ?? '', spans: s.spans ?? [] }),
);

export const resourceSpansJsonSchema = otlpObject({
  resource: otlpObject({ attributes: attributesJsonSchema }).nullish(),
  scopeSpans: z.array(scopeSpansJsonSchema).nullish(),
}).transform(
  (r): ResourceSpansCandidate => ({
    resource: r.resource?.attributes ?? {},
    scopeSpans: r.scopeSpans ?? [],
  }),
);

export const exportTraceServiceRequestJsonSchema = otlpObject({
  resourceSpans: z.array(resourceSpansJsonSchema).nullish(),
}).transform((r) => r.resourceSpans ?? []);

/** What a successful parse yields: the request's resource spans as unvalidated candidates. */
export type ExportTraceServiceRequestJson = z.output<typeof exportTraceServiceRequestJsonSchema>;
