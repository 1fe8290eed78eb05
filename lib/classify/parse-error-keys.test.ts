import { describe, expect, it } from 'vitest';
import { maxErrorKeyLength, maxErrorKeys, parseErrorKeys } from './parse-error-keys';

describe('parseErrorKeys: Voiso v4 bodies', () => {
  it.each([
    [400, '{"error":"Bad Request"}', ['Bad Request']],
    [401, '{"error":"Unauthorized"}', ['Unauthorized']],
    [403, '{"error":"Forbidden"}', ['Forbidden']],
    [404, '{"error":"Not found"}', ['Not found']],
    [406, '{"errors":{"format":["must be one of: json, vtt, srt, text"]}}', ['format: must be one of: json, vtt, srt, text']],
    [409, '{"errors":{"state":["conflict"]}}', ['state: conflict']],
    [422, '{"errors":{"name":["is missing"],"timezone":["must be a string"]}}', ['name: is missing', 'timezone: must be a string']],
    [429, '{"error":"Too many requests"}', ['Too many requests']],
  ])('%i %s', (code, body, keys) => {
    expect(parseErrorKeys(code, body)).toEqual(keys);
  });
});

describe('parseErrorKeys: other shapes', () => {
  it.each([
    ['one key per message, in body order', '{"errors":{"b":["x","y"],"a":["z"]}}', ['b: x', 'b: y', 'a: z']],
    ['a single string per field', '{"errors":{"state":"conflict"}}', ['state: conflict']],
    ['errors as an array of strings', '{"errors":["name is missing","bad phone"]}', ['name is missing', 'bad phone']],
    ['errors as an array of {message}', '{"errors":[{"message":"name is missing"},{"message":"bad"}]}', ['name is missing', 'bad']],
    ['errors as an array of {field, message}', '{"errors":[{"field":"phone","message":"is invalid"}]}', ['phone: is invalid']],
    ['errors as a single string', '{"errors":"something broke"}', ['something broke']],
    ['error as {message}', '{"error":{"message":"Token expired","code":17}}', ['Token expired']],
    ['a bare message', '{"message":"Rate limit exceeded"}', ['Rate limit exceeded']],
    ['per-field keys over the summary', '{"error":"Unprocessable Entity","errors":{"name":["is missing"]}}', ['name: is missing']],
    ['error over message', '{"error":"Forbidden","message":"no access to queue"}', ['Forbidden']],
    ['summary when errors is empty', '{"error":"Conflict","errors":{}}', ['Conflict']],
    ['message objects inside a field', '{"errors":{"name":[{"message":"is missing"}]}}', ['name: is missing']],
    ['nested fields as dotted paths', '{"errors":{"address":{"city":["is missing"]}}}', ['address.city: is missing']],
    ['non-string messages, compactly', '{"errors":{"limit":[100, {"max": 5}],"ok":[true]}}', ['limit: 100', 'limit: {"max":5}', 'ok: true']],
    ['a field with no messages', '{"errors":{"name":[],"phone":null}}', ['name', 'phone']],
    ['error as an object without message', '{"error":{"code":"E42"}}', ['{"code":"E42"}']],
    ['whitespace collapsed and trimmed', '{"errors":{"name":["  is\\n  missing "]}}', ['name: is missing']],
    ['duplicates dropped', '{"errors":["dup","dup"," dup "]}', ['dup']],
    ['a BOM and surrounding whitespace', '\uFEFF  {"error":"Unauthorized"}\n', ['Unauthorized']],
  ])('%s', (_label, body, keys) => {
    expect(parseErrorKeys(422, body)).toEqual(keys);
  });
});

describe('parseErrorKeys: no usable body falls back to the reason phrase', () => {
  it.each([
    ['absent', null],
    ['empty', ''],
    ['blank', '  \n'],
    ['truncated JSON', '{"errors":{"name":["is mis'],
    ['a JSON array', '["is missing"]'],
    ['a JSON number', '422'],
    ['a JSON string', '"Unprocessable"'],
    ['JSON null', 'null'],
    ['HTML', '<html><body><h1>422 Unprocessable</h1></body></html>'],
    ['plain text', 'upstream connect error'],
    ['an object of another shape', '{"status":"failed","code":17}'],
    ['empty messages', '{"error":"  ","message":""}'],
    ['errors of the wrong type', '{"errors":true}'],
  ])('%s', (_label, body) => {
    expect(parseErrorKeys(422, body)).toEqual(['Unprocessable Entity']);
  });

  it.each([
    [400, 'Bad Request'],
    [429, 'Too Many Requests'],
    [500, 'Internal Server Error'],
    [502, 'Bad Gateway'],
    [503, 'Service Unavailable'],
    [599, 'HTTP 599'],
  ])('%i -> %s', (code, phrase) => {
    expect(parseErrorKeys(code, '<html>error</html>')).toEqual([phrase]);
  });
});

describe('parseErrorKeys: bounds', () => {
  it('returns nothing below 400, whatever the body', () => {
    for (const code of [0, 100, 200, 201, 304, 399]) expect(parseErrorKeys(code, '{"error":"Unauthorized"}')).toEqual([]);
  });

  it(`keeps at most ${maxErrorKeys} keys`, () => {
    const errors = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`field${i}`, ['is missing']]));
    const keys = parseErrorKeys(422, JSON.stringify({ errors }));
    expect(keys).toHaveLength(maxErrorKeys);
    expect(keys[0]).toBe('field0: is missing');
    expect(keys[maxErrorKeys - 1]).toBe(`field${maxErrorKeys - 1}: is missing`);
  });

  it('counts the cap after dedupe', () => {
    const messages = [...Array.from({ length: 30 }, () => 'same'), ...Array.from({ length: 5 }, (_, i) => `m${i}`)];
    expect(parseErrorKeys(422, JSON.stringify({ errors: messages }))).toEqual(['same', 'm0', 'm1', 'm2', 'm3', 'm4']);
  });

  it(`cuts each key to ${maxErrorKeyLength} chars without splitting a surrogate pair`, () => {
    const [plain] = parseErrorKeys(400, JSON.stringify({ error: 'x'.repeat(1000) }));
    expect(plain).toBe('x'.repeat(maxErrorKeyLength));
    const [emoji] = parseErrorKeys(400, JSON.stringify({ error: `${'x'.repeat(maxErrorKeyLength - 1)}😀tail` }));
    expect(emoji).toBe('x'.repeat(maxErrorKeyLength - 1));
  });
});
