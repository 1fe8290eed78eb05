// Mutated OTLP/HTTP export requests for the fuzz tests (in-process and against the built
// server): byte-level damage (bit flips, truncation, splicing, random bytes), protobuf wire
// tricks (huge and overlong varints, bad wire types, deep nesting, invalid UTF-8), structural
// JSON damage, and Content-Type / Content-Encoding mix-ups including gzip of garbage and bombs.
// Case i of a seed is always the same request, so a failure replays from (seed, i).
import zlib from 'node:zlib';
import protobuf from 'protobufjs';
import { encodeJsonExport, encodeProtobufExport, firstSpan, type OtlpJsonObject, seedExport } from './otlp-fuzz-seeds';
import { deepAnyValueJson, mutateExportObject } from './otlp-fuzz-values';
import { type SeededRandom, seededRandom } from './seeded-random';

export interface FuzzCase {
  index: number;
  mutation: string;
  body: Uint8Array;
  headers: Record<string, string>;
}

type Format = 'protobuf' | 'json';
const contentTypes: Record<Format, string> = { protobuf: 'application/x-protobuf', json: 'application/json' };
/** Seeds' spans start within the last hour of this instant, so stored spans land in the dashboard's window. */
const fixedNowMs = Date.UTC(2026, 0, 1);

const encode = (request: OtlpJsonObject, format: Format) =>
  format === 'protobuf' ? encodeProtobufExport(request) : encodeJsonExport(request);

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function bitFlips(bytes: Uint8Array, random: SeededRandom): Uint8Array {
  const out = bytes.slice();
  for (let n = random.int(1, 8); n > 0 && out.length > 0; n -= 1) {
    const i = random.int(0, out.length - 1);
    out[i] = (out[i] ?? 0) ^ (1 << random.int(0, 7));
  }
  return out;
}

function interestingBytes(bytes: Uint8Array, random: SeededRandom): Uint8Array {
  const out = bytes.slice();
  for (let n = random.int(1, 4); n > 0 && out.length > 0; n -= 1) out[random.int(0, out.length - 1)] = random.pick([0, 0xff, 0x7f, 0x80, 0xc0, 0x0a]);
  return out;
}

function insertAt(bytes: Uint8Array, insert: Uint8Array, random: SeededRandom): Uint8Array {
  const at = random.int(0, bytes.length);
  return concat(bytes.subarray(0, at), insert, bytes.subarray(at));
}

/** A varint of 10 bytes that overflows 64 bits, or an overlong one of 12. */
const hugeVarint = (random: SeededRandom) =>
  random.chance(0.5) ? new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]) : new Uint8Array(12).fill(0xff);

/** A protobuf base-128 varint, for hand-built wire bytes. */
export function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

function message(fields: (w: protobuf.Writer) => void): Uint8Array {
  const w = protobuf.Writer.create();
  fields(w);
  return w.finish();
}

/**
 * Field 1 (resource_spans) down to a span attribute whose value nests `depth` times on the wire.
 * Each level only adds a prefix (AnyValue.array_value, ArrayValue.values), so the prefixes are
 * computed inside out and written once: wrapping level by level would copy O(depth²) bytes.
 */
const deepProtobufCache = new Map<number, Uint8Array>();

function deepProtobuf(depth: number): Uint8Array {
  const cached = deepProtobufCache.get(depth);
  if (cached) return cached;
  const built = buildDeepProtobuf(depth);
  deepProtobufCache.set(depth, built);
  return built;
}

function buildDeepProtobuf(depth: number): Uint8Array {
  const bottom = message((w) => w.uint32((1 << 3) | 2).string('bottom'));
  const prefixes: number[][] = [];
  let length = bottom.length;
  for (let i = 0; i < depth; i += 1) {
    const arrayLength = 1 + varint(length).length + length;
    prefixes.push([(5 << 3) | 2, ...varint(arrayLength), (1 << 3) | 2, ...varint(length)]);
    length = 1 + varint(arrayLength).length + arrayLength;
  }
  const value = concat(new Uint8Array(prefixes.reverse().flat()), bottom);
  const keyValue = message((w) => w.uint32((1 << 3) | 2).string('deep').uint32((2 << 3) | 2).bytes(value));
  const span = message((w) => {
    w.uint32((1 << 3) | 2).bytes(new Uint8Array(16).fill(1)).uint32((2 << 3) | 2).bytes(new Uint8Array(8).fill(2));
    w.uint32((5 << 3) | 2).string('GET').uint32((6 << 3) | 0).int32(3);
    w.uint32((7 << 3) | 1).fixed64(1).uint32((8 << 3) | 1).fixed64(2).uint32((9 << 3) | 2).bytes(keyValue);
  });
  const scopeSpans = message((w) => w.uint32((2 << 3) | 2).bytes(span));
  const resourceSpans = message((w) => w.uint32((2 << 3) | 2).bytes(scopeSpans));
  return message((w) => w.uint32((1 << 3) | 2).bytes(resourceSpans));
}

const deepMarker = '{"stringValue":"FUZZ_DEEP_MARKER"}';

/** The seed request as OTLP/JSON with one attribute value nested `depth` levels deep. */
function deepJsonExport(request: OtlpJsonObject, depth: number, random: SeededRandom): Uint8Array {
  firstSpan(request).attributes.push({ key: 'app.deep', value: JSON.parse(deepMarker) });
  const text = JSON.stringify(request).replace(deepMarker, deepAnyValueJson(depth, random.chance(0.5) ? 'array' : 'kvlist'));
  return new TextEncoder().encode(text);
}

/** Replaces the bytes of a marker string with invalid UTF-8 of the same length, so lengths stay valid. */
function invalidUtf8(random: SeededRandom, format: Format): Uint8Array {
  const marker = 'MARKERMARKER';
  const request = seedExport(random, fixedNowMs);
  const span = firstSpan(request);
  span.name = marker;
  span.attributes.push({ key: 'app.bad', value: { stringValue: marker } });
  const bytes = Buffer.from(encode(request, format));
  const bad = random.pick([[0xff, 0xfe], [0xc3, 0x28], [0xed, 0xa0], [0xc0, 0xaf], [0xe2, 0x82], [0x80, 0x80]]);
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
    for (let i = 0; i < marker.length; i += 1) bytes[at + i] = bad[i % 2] as number;
  }
  return new Uint8Array(bytes);
}

const byteMutations: ((bytes: Uint8Array, random: SeededRandom, other: Uint8Array) => [string, Uint8Array])[] = [
  (b, r) => ['bit flips', bitFlips(b, r)],
  (b, r) => ['interesting bytes', interestingBytes(b, r)],
  (b, r) => ['truncate', b.subarray(0, r.int(0, Math.max(0, b.length - 1)))],
  (b, r, o) => ['splice', concat(b.subarray(0, r.int(0, b.length)), o.subarray(r.int(0, o.length)))],
  (b, r) => ['insert random bytes', insertAt(b, r.bytes(r.int(1, 64)), r)],
  (b, r) => {
    const from = r.int(0, Math.max(0, b.length - 1));
    return ['duplicate chunk', insertAt(b, b.slice(from, from + r.int(1, 200)), r)];
  },
  (_b, r) => ['random bytes', r.bytes(r.int(0, 4096))],
  (b, r) => ['huge varint', r.chance(0.5) ? concat(new Uint8Array([0x0a]), hugeVarint(r), b) : insertAt(b, hugeVarint(r), r)],
  (b, r) => ['wrong wire type', concat(new Uint8Array([r.pick([0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x00])]), b.subarray(1))],
  (_b, r) => ['deep protobuf nesting', deepProtobuf(r.pick([100, 1_000, 10_000, 50_000]))],
  (b, r) => ['unknown fields', concat(b, new Uint8Array([0xf8, 0x7f, 0x01, 0xfa, 0x7f, 0x03, 1, 2, 3]), r.bytes(r.int(0, 3)))],
  (b, r) => ['trailing garbage', concat(b, r.bytes(r.int(1, 32)))],
  (b) => ['BOM prefix', concat(new Uint8Array([0xef, 0xbb, 0xbf]), b)],
  (_b, r) => ['deep JSON brackets', new TextEncoder().encode('['.repeat(r.pick([1_000, 100_000])))],
  () => ['empty body', new Uint8Array(0)],
];

const bombs = new Map<number, Uint8Array>();

/** A few KiB that expand to `mib` MiB of zeros. */
function gzipBomb(mib: number): Uint8Array {
  const cached = bombs.get(mib) ?? zlib.gzipSync(Buffer.alloc(mib * 1024 * 1024));
  bombs.set(mib, cached);
  return cached;
}

/** Content-Encoding trouble: gzip of anything, bombs, truncated streams, mismatched or unknown encodings. */
function encodingMix(body: Uint8Array, random: SeededRandom): [string, Uint8Array, string | null] {
  switch (random.int(0, 8)) {
    case 0:
      return ['gzip', zlib.gzipSync(body), 'gzip'];
    case 1:
      return ['deflate', zlib.deflateSync(body), 'deflate'];
    case 2:
      return ['raw deflate', zlib.deflateRawSync(body), 'deflate'];
    case 3: {
      const gz = zlib.gzipSync(body);
      return ['truncated gzip', gz.subarray(0, random.int(0, Math.max(0, gz.length - 1))), 'gzip'];
    }
    case 4:
      return ['gzip bomb', gzipBomb(random.pick([2, 8])), 'gzip'];
    case 5:
      return ['gzip header, plain body', body, random.pick(['gzip', 'x-gzip', 'deflate'])];
    case 6:
      return ['double gzip', zlib.gzipSync(zlib.gzipSync(body)), random.pick(['gzip, gzip', 'gzip'])];
    case 7:
      return ['unknown encoding', body, random.pick(['br', 'zstd', 'compress', 'gzip;q=1', 'identity', ''])];
    default:
      return ['gzip of bit-flipped gzip', bitFlips(zlib.gzipSync(body), random), 'gzip'];
  }
}

const oddContentTypes = [
  'text/plain',
  'application/octet-stream',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/x-protobuf; proto=x',
  'application/protobuf',
  'multipart/form-data; boundary=x',
  'application/grpc',
  ';',
];

/** The index-th mutated request of a seed. */
export function fuzzCase(seed: number, index: number): FuzzCase {
  const random = seededRandom((seed * 2_654_435_761 + index * 40_503) >>> 0);
  const format: Format = random.chance(0.5) ? 'protobuf' : 'json';
  const request = seedExport(random, fixedNowMs);
  const names: string[] = [format];
  let body: Uint8Array;
  const kind = random.int(0, 9);
  if (kind <= 3) {
    names.push(mutateExportObject(request, random));
    try {
      body = encode(request, format);
    } catch {
      // protobufjs refuses some wrong types; those still make a fine JSON body under a protobuf label.
      names.push('unencodable, sent as JSON');
      body = encodeJsonExport(request);
    }
  } else if (kind === 4) {
    names.push('invalid UTF-8');
    body = invalidUtf8(random, format);
  } else if (kind === 5) {
    const depth = random.pick([64, 300, 3_000, 30_000]);
    names.push(`deep attribute value x${depth}`);
    body = format === 'protobuf' ? deepProtobuf(depth) : deepJsonExport(request, depth, random);
  } else {
    const mutate = random.pick(byteMutations);
    const [name, mutated] = mutate(encode(request, format), random, encode(seedExport(random, fixedNowMs), random.chance(0.5) ? 'json' : 'protobuf'));
    names.push(name);
    body = mutated;
  }
  const headers: Record<string, string> = { 'Content-Type': contentTypes[format] };
  if (random.chance(0.2)) {
    const [name, encoded, encoding] = encodingMix(body, random);
    names.push(name);
    body = encoded;
    if (encoding !== null) headers['Content-Encoding'] = encoding;
  }
  if (random.chance(0.1)) {
    const swap = random.int(0, 2);
    if (swap === 0) delete headers['Content-Type'];
    else headers['Content-Type'] = swap === 1 ? contentTypes[format === 'json' ? 'protobuf' : 'json'] : random.pick(oddContentTypes);
    names.push(`content-type ${headers['Content-Type'] ?? '(none)'}`);
  }
  return { index, mutation: names.join(' / '), body, headers };
}
