import { describe, expect, it } from 'vitest';
import { normalizeStatusCode, statusClassOf } from './normalize-status-code';

describe('normalizeStatusCode', () => {
  it.each([
    [404, 404],
    [404.0, 404],
    ['404', 404],
    [' 201 ', 201],
    ['503.0', 503],
    [100, 100],
    [599, 599],
    [99, null],
    [600, null],
    [0, null],
    [-404, null],
    [404.5, null],
    ['404.5', null],
    ['4o4', null],
    ['', null],
    ['0x194', null],
    [Number.NaN, null],
    [true, null],
    [null, null],
    [undefined, null],
    [[404], null],
  ])('%j -> %s', (value, code) => {
    expect(normalizeStatusCode(value)).toBe(code);
  });
});

describe('statusClassOf', () => {
  it.each([
    [0, 'network'],
    [101, '1xx'],
    [200, '2xx'],
    [204, '2xx'],
    [301, '3xx'],
    [400, '4xx'],
    [499, '4xx'],
    [500, '5xx'],
    [599, '5xx'],
  ])('%i -> %s', (code, statusClass) => {
    expect(statusClassOf(code)).toBe(statusClass);
  });
});
