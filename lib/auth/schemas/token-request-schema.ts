// Body schema of POST /api/v1/tokens and of the create form at /settings/tokens: a new
// token's name, kind, and (API tokens only) access.
import { z } from 'zod';

export const maxTokenNameLength = 80;

/** The names ensureBootstrapTokens gives the tokens it generates; a user-made token must not take them. */
export const bootstrapTokenNames = ['bootstrap-ingest', 'bootstrap-api'] as const;

// Control, format and unassigned characters and line/paragraph separators are not printable.
const printable = /^[^\p{C}\p{Zl}\p{Zp}]*$/u;

const tokenName = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, { error: 'give the token a name that says who uses it, e.g. "billing worker (production)"' })
  .max(maxTokenNameLength, { error: `must be at most ${maxTokenNameLength} characters` })
  .regex(printable, { error: 'must be printable text, without control characters such as line breaks' })
  .refine((name) => !(bootstrapTokenNames as readonly string[]).includes(name), {
    error: 'is reserved for the tokens Faultline generates on first start; choose another name',
  });

export const tokenRequestSchema = z
  .strictObject(
    {
      name: tokenName,
      kind: z.enum(['ingest', 'api'], { error: 'must be "ingest" (sends spans to /v1/traces) or "api" (reads /api/v1)' }),
      /** API tokens: "read" when omitted, the least that works. */
      access: z.enum(['read', 'read-write'], { error: 'must be "read" or "read-write"' }).optional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'the body must be a JSON object' : undefined) },
  )
  .superRefine((value, ctx) => {
    if (value.kind === 'ingest' && value.access !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['access'],
        message: 'applies to API tokens only: an ingest token can only send spans to /v1/traces',
      });
    }
  })
  .transform(({ name, kind, access }) => ({ name, kind, canWrite: kind === 'api' && access === 'read-write' }));

export type TokenRequest = z.input<typeof tokenRequestSchema>;
export type NewToken = z.output<typeof tokenRequestSchema>;
