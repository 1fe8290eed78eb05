import { describe, expect, it } from 'vitest';
import { attributeReader } from './attribute-reader';

describe('attributeReader', () => {
  const attrs = attributeReader({
    blank: '  ',
    name: '  GET ',
    number: 8080,
    double: 8080.5,
    digits: ' 443 ',
    huge: 2 ** 60,
    list: ['text/csv', 'application/json'],
    mixedList: ['a', 7, 'b'],
    emptyList: [],
  });

  it('reads the first non-blank string, trimmed', () => {
    expect(attrs.string('missing', 'blank', 'name')).toBe('GET');
    expect(attrs.string('number')).toBeNull();
    expect(attrs.string('missing')).toBeNull();
  });

  it('reads integers from numbers and digit strings only', () => {
    expect(attrs.integer('number')).toBe(8080);
    expect(attrs.integer('digits')).toBe(443);
    expect(attrs.integer('double', 'huge', 'name', 'number')).toBe(8080);
    expect(attrs.integer('double')).toBeNull();
  });

  it('joins header arrays and accepts plain strings', () => {
    expect(attrs.header('list')).toBe('text/csv, application/json');
    expect(attrs.header('mixedList')).toBe('a, b');
    expect(attrs.header('emptyList', 'name')).toBe('GET');
    expect(attrs.header('number')).toBeNull();
  });

  it('never reads inherited properties', () => {
    const empty = attributeReader({});
    expect(empty.raw('constructor')).toBeUndefined();
    expect(empty.string('toString', '__proto__')).toBeNull();
  });
});
