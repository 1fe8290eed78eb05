import { describe, expect, it } from 'vitest';
import { encodeErrorStatus, encodeExportResponse } from './encode-response';
import { otlpProtoSchema } from './otlp-proto-schema';

function decodeProto(type: 'exportTraceServiceResponse' | 'rpcStatus', body: Uint8Array | string) {
  if (typeof body === 'string') throw new Error('expected a binary body');
  const messageType = otlpProtoSchema[type];
  return messageType.toObject(messageType.decode(body), { longs: Number });
}

describe('encodeExportResponse', () => {
  it('is an empty message when nothing was rejected', () => {
    const protobuf = encodeExportResponse('protobuf', null);
    expect(protobuf.contentType).toBe('application/x-protobuf');
    expect(protobuf.body).toBeInstanceOf(Uint8Array);
    expect((protobuf.body as Uint8Array).length).toBe(0);
    expect(encodeExportResponse('json', null)).toEqual({ body: '{}', contentType: 'application/json' });
    expect(encodeExportResponse('json', { rejectedSpans: 0, errorMessage: '' }).body).toBe('{}');
  });

  it('reports partial success with int64 as a string in JSON', () => {
    const partial = { rejectedSpans: 3, errorMessage: 'span "GET" ...: traceId is missing' };
    const json = encodeExportResponse('json', partial);
    expect(json.body).toBe(
      '{"partialSuccess":{"rejectedSpans":"3","errorMessage":"span \\"GET\\" ...: traceId is missing"}}',
    );
    const protobuf = encodeExportResponse('protobuf', partial);
    expect(decodeProto('exportTraceServiceResponse', protobuf.body)).toEqual({
      partialSuccess: partial,
    });
  });
});

describe('encodeErrorStatus', () => {
  it.each([
    [400, 3],
    [401, 16],
    [413, 8],
    [415, 3],
    [429, 8],
    [500, 13],
    [503, 14],
  ])('HTTP %i → gRPC code %i', (httpStatus, code) => {
    const message = `failed with ${httpStatus}`;
    const json = encodeErrorStatus('json', httpStatus, message);
    expect(json.contentType).toBe('application/json');
    expect(JSON.parse(json.body as string)).toEqual({ code, message });
    const protobuf = encodeErrorStatus('protobuf', httpStatus, message);
    expect(protobuf.contentType).toBe('application/x-protobuf');
    expect(decodeProto('rpcStatus', protobuf.body)).toEqual({ code, message });
  });

  it('writes google.rpc.Status fields at numbers 1 and 2', () => {
    const body = encodeErrorStatus('protobuf', 400, 'x').body as Uint8Array;
    // field 1 varint 3, field 2 length-delimited "x"
    expect([...body]).toEqual([0x08, 0x03, 0x12, 0x01, 0x78]);
  });
});
