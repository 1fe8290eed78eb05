import { describe, expect, it } from 'vitest';
import { decodeRequestCursor, encodeRequestCursor } from './request-cursor';

describe('request cursors', () => {
  it('round-trips a position as url-safe text', () => {
    const cursor = { startMs: Date.parse('2026-01-10T08:00:00Z'), id: 2_147_483_647 };
    const text = encodeRequestCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeRequestCursor(text)).toEqual(cursor);
    expect(decodeRequestCursor(encodeRequestCursor({ startMs: 0, id: 1 }))).toEqual({ startMs: 0, id: 1 });
  });

  const b64 = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$def'],
    ['standard base64 padding', `${encodeRequestCursor({ startMs: 1, id: 1 })}=`],
    ['not JSON', b64('startMs=1;id=2')],
    ['an array', b64('[1,2]')],
    ['null', b64('null')],
    ['a missing id', b64('{"startMs":1}')],
    ['a string start', b64('{"startMs":"1","id":2}')],
    ['a fractional id', b64('{"startMs":1,"id":2.5}')],
    ['a zero id', b64('{"startMs":1,"id":0}')],
    ['an id past 32 bits', b64('{"startMs":1,"id":2147483648}')],
    ['a negative start', b64('{"startMs":-1,"id":2}')],
    ['an unsafe start', b64('{"startMs":9007199254740993,"id":2}')],
    ['an extra field', b64('{"startMs":1,"id":2,"x":0}')],
    ['a non-canonical spelling', b64('{ "startMs": 1, "id": 2 }')],
    ['a truncated cursor', encodeRequestCursor({ startMs: 1_700_000_000_000, id: 12345 }).slice(0, -3)],
    ['an overlong string', 'A'.repeat(500)],
  ])('refuses %s', (_what, text) => {
    expect(decodeRequestCursor(text)).toBeNull();
  });
});
