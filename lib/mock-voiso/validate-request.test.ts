import { describe, expect, it } from 'vitest';
import {
  agentUpdateRequestSchema,
  campaignCreateRequestSchema,
  contactCreateRequestSchema,
  contactUpdateRequestSchema,
  listQueryRequestSchema,
} from './schemas/voiso-request-schemas';
import { validateJsonBody, validateQuery } from './validate-request';

function failure(result: ReturnType<typeof validateJsonBody>): { status: number; body: unknown } {
  if (result.ok) throw new Error('expected a failure');
  return { status: result.response.status, body: JSON.parse(result.response.body) };
}

describe('validateJsonBody', () => {
  it.each(['', '{', 'null', '[]', '"name"', '42', '[{"name":"x"}]'])('answers 400 for body %j', (body) => {
    expect(failure(validateJsonBody(contactCreateRequestSchema, body))).toEqual({
      status: 400,
      body: { error: 'Bad Request' },
    });
  });

  it('reports every failing field at once (the reference example)', () => {
    const body = JSON.stringify({ timezone: 3, dialer_mode: 'preview' });
    expect(failure(validateJsonBody(campaignCreateRequestSchema, body))).toEqual({
      status: 422,
      body: { errors: { name: ['is missing'], timezone: ['must be a string'] } },
    });
  });

  it.each([
    [{ name: 'A', phone_number: '07700900123' }, { phone_number: ['is in invalid format'] }],
    [{ name: 'A', phone_number: '+0441234567' }, { phone_number: ['is in invalid format'] }],
    [{ name: 'A', phone_number: 447700900123 }, { phone_number: ['must be a string'] }],
    [{ name: '  ', phone_number: '+447700900123' }, { name: ['must be filled'] }],
    [{ name: 'A', phone_number: '+447700900123', timezone: 'Mars/Olympus' }, { timezone: ['is in invalid format'] }],
    [{ name: 'A', phone_number: '+447700900123', timezone: '+01:00' }, { timezone: ['is in invalid format'] }],
    [{ name: 'A', phone_number: '+447700900123', email: null }, { email: ['must be a string'] }],
  ])('contact %j → %j', (input, errors) => {
    expect(failure(validateJsonBody(contactCreateRequestSchema, JSON.stringify(input)))).toEqual({
      status: 422,
      body: { errors },
    });
  });

  it('accepts a valid contact, dropping unknown fields', () => {
    const body = JSON.stringify({ name: 'A', phone_number: '+447700900123', timezone: 'America/New_York', x: 1 });
    expect(validateJsonBody(contactCreateRequestSchema, body)).toEqual({
      ok: true,
      value: { name: 'A', phone_number: '+447700900123', timezone: 'America/New_York' },
    });
  });

  it('makes every contact field optional on update, with the same type rules', () => {
    expect(validateJsonBody(contactUpdateRequestSchema, '{}')).toEqual({ ok: true, value: {} });
    expect(failure(validateJsonBody(contactUpdateRequestSchema, '{"name":1,"phone_number":"123"}')).body).toEqual({
      errors: { name: ['must be a string'], phone_number: ['is in invalid format'] },
    });
  });

  it('matches enums exactly, including case', () => {
    expect(failure(validateJsonBody(agentUpdateRequestSchema, '{"status":"Available"}')).body).toEqual({
      errors: { status: ['must be one of: available, away, offline'] },
    });
    expect(failure(validateJsonBody(agentUpdateRequestSchema, '{}')).body).toEqual({
      errors: { status: ['is missing'] },
    });
  });
});

describe('validateQuery', () => {
  it.each([
    ['', { page: 1, per_page: 25 }],
    ['page=3&per_page=100', { page: 3, per_page: 100 }],
    ['per_page=1&per_page=500', { page: 1, per_page: 1 }],
  ])('?%s → %j', (search, value) => {
    expect(validateQuery(listQueryRequestSchema, new URLSearchParams(search))).toEqual({ ok: true, value });
  });

  it.each([
    ['per_page=0', { per_page: ['must be between 1 and 100'] }],
    ['per_page=101', { per_page: ['must be between 1 and 100'] }],
    ['per_page=ten', { per_page: ['must be an integer'] }],
    ['page=0&per_page=2.5', { page: ['must be greater than 0'], per_page: ['must be an integer'] }],
  ])('?%s → 422 %j', (search, errors) => {
    const result = validateQuery(listQueryRequestSchema, new URLSearchParams(search));
    expect(result.ok ? null : JSON.parse(result.response.body)).toEqual({ errors });
  });
});
