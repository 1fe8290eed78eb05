// Body and query schemas of the mocked Voiso v4 endpoints, with the API's own validation messages.
import { z } from 'zod';

// Messages follow the reference ("is missing", "must be a string", ...): the error map
// sees the raw input, which is how a missing key is told apart from a wrong type.
const requiredString = () =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a string') })
    .refine((value) => value.trim() !== '', { error: 'must be filled', abort: true });

const optionalString = () => z.string({ error: 'must be a string' }).optional();

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'is missing' : `must be one of: ${values.join(', ')}`),
  });

const e164 = /^\+[1-9]\d{6,14}$/;
// "Region/City" shaped (or a bare zone such as UTC), and known to the runtime's time-zone database.
const ianaShape = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;

function isIanaTimezone(value: string): boolean {
  if (!ianaShape.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const invalidFormat = { error: 'is in invalid format' } as const;

export const agentStatuses = ['available', 'away', 'offline'] as const;
export const dialerModes = ['predictive', 'progressive', 'preview'] as const;

export const agentUpdateRequestSchema = z.object({ status: oneOf(agentStatuses) });

export const contactCreateRequestSchema = z.object({
  name: requiredString(),
  phone_number: requiredString().regex(e164, invalidFormat),
  email: optionalString(),
  timezone: optionalString().refine((value) => value === undefined || isIanaTimezone(value), invalidFormat),
});

export const contactUpdateRequestSchema = z.object({
  name: requiredString().optional(),
  phone_number: requiredString().regex(e164, invalidFormat).optional(),
  email: optionalString(),
  timezone: optionalString().refine((value) => value === undefined || isIanaTimezone(value), invalidFormat),
});

export const campaignCreateRequestSchema = z.object({
  name: requiredString(),
  timezone: requiredString().refine(isIanaTimezone, invalidFormat),
  dialer_mode: oneOf(dialerModes),
});

const integerParam = z.string().regex(/^-?\d+$/, { error: 'must be an integer', abort: true }).transform(Number);

export const listQueryRequestSchema = z.object({
  page: integerParam.refine((page) => page >= 1, { error: 'must be greater than 0' }).default(1),
  per_page: integerParam
    .refine((perPage) => perPage >= 1 && perPage <= 100, { error: 'must be between 1 and 100' })
    .default(25),
});

// A calendar date or a full ISO-8601 time with Z or an offset.
const isoTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], invalidFormat);

export const cdrQueryRequestSchema = listQueryRequestSchema.extend({
  from: isoTime.optional(),
  to: isoTime.optional(),
});

export type AgentUpdateRequest = z.infer<typeof agentUpdateRequestSchema>;
export type ContactCreateRequest = z.infer<typeof contactCreateRequestSchema>;
export type ContactUpdateRequest = z.infer<typeof contactUpdateRequestSchema>;
export type CampaignCreateRequest = z.infer<typeof campaignCreateRequestSchema>;
export type ListQueryRequest = z.infer<typeof listQueryRequestSchema>;
export type CdrQueryRequest = z.infer<typeof cdrQueryRequestSchema>;
