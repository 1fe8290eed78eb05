import { describe, expect, it } from 'vitest';
import { formatMediaType } from './format-media-type';
import { parseAcceptedFormats } from './parse-accepted-formats';

describe('parseAcceptedFormats', () => {
  it.each([
    ['{"errors":{"format":["must be one of: json, vtt, srt, text"]}}', ['json', 'vtt', 'srt', 'text']],
    ['{"error":"Accept must be one of application/json or text/csv"}', ['application/json', 'text/csv']],
    ['{"message":"format must be one of: \\"json\\", \\"xml\\"."}', ['json', 'xml']],
    ['Not Acceptable; one of: json, csv', ['json', 'csv']],
    ['{"error":"Not Acceptable"}', []],
    [null, []],
  ])('%s', (body, formats) => {
    expect(parseAcceptedFormats(body)).toEqual(formats);
  });
});

describe('formatMediaType', () => {
  it.each([
    ['json', 'application/json'],
    ['VTT', 'text/vtt'],
    ['srt', 'application/x-subrip'],
    ['text', 'text/plain'],
    ['text/csv', 'text/csv'],
    ['yaml', 'yaml'],
  ])('%s → %s', (format, type) => {
    expect(formatMediaType(format)).toBe(type);
  });
});
