import { STATUS_CODES } from 'node:http';
import { describe, expect, it } from 'vitest';
import { reasonPhrase } from './reason-phrase';

describe('reasonPhrase', () => {
  it.each([
    [400, 'Bad Request'],
    [401, 'Unauthorized'],
    [403, 'Forbidden'],
    [404, 'Not Found'],
    [406, 'Not Acceptable'],
    [409, 'Conflict'],
    [422, 'Unprocessable Entity'],
    [429, 'Too Many Requests'],
    [500, 'Internal Server Error'],
    [502, 'Bad Gateway'],
    [503, 'Service Unavailable'],
    [504, 'Gateway Timeout'],
  ])('%i is "%s"', (code, phrase) => {
    expect(reasonPhrase(code)).toBe(phrase);
  });

  it("matches Node's wording for every registered 4xx/5xx code", () => {
    const registered = Object.entries(STATUS_CODES).filter(([code]) => Number(code) >= 400 && code !== '509');
    expect(registered.length).toBeGreaterThan(35);
    for (const [code, phrase] of registered) expect(reasonPhrase(Number(code))).toBe(phrase);
  });

  it.each([419, 499, 509, 520, 599])('falls back to "HTTP %i" for unregistered codes', (code) => {
    expect(reasonPhrase(code)).toBe(`HTTP ${code}`);
  });
});
