import { describe, expect, it } from 'vitest';
import { formatErrorBody } from './format-error-body';

describe('formatErrorBody', () => {
  it('indents a JSON object body', () => {
    expect(formatErrorBody('{"errors":{"name":["is missing"]},"code":422}')).toEqual({
      text: '{\n  "errors": {\n    "name": [\n      "is missing"\n    ]\n  },\n  "code": 422\n}',
      json: true,
    });
  });

  it('indents a JSON array, ignoring surrounding whitespace', () => {
    expect(formatErrorBody('  [1,{"a":2}]\n')).toEqual({ text: '[\n  1,\n  {\n    "a": 2\n  }\n]', json: true });
  });

  it('keeps non-JSON and truncated JSON exactly as stored', () => {
    expect(formatErrorBody('<html>Bad Gateway</html>')).toEqual({ text: '<html>Bad Gateway</html>', json: false });
    expect(formatErrorBody('{"error":"Too many req')).toEqual({ text: '{"error":"Too many req', json: false });
    expect(formatErrorBody('  Rate limited\n')).toEqual({ text: '  Rate limited\n', json: false });
  });

  it('keeps bare JSON scalars as sent', () => {
    expect(formatErrorBody('"Unauthorized"')).toEqual({ text: '"Unauthorized"', json: false });
    expect(formatErrorBody('401')).toEqual({ text: '401', json: false });
  });

  it('has nothing to show without a body', () => {
    expect(formatErrorBody(null)).toBeNull();
    expect(formatErrorBody('')).toBeNull();
  });
});
