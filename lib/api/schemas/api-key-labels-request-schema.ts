// Body schema of PATCH /api/v1/keys/{fingerprint} and of the key page's label form: the
// user-given label and environment of an API key fingerprint.
import { z } from 'zod';

export const maxKeyLabelLength = 100;

// Trimmed, at most 100 characters; null or "" clears the value.
const labelValue = z
  .string({ error: 'must be a string, or null to clear it' })
  .trim()
  .max(maxKeyLabelLength, { error: `must be at most ${maxKeyLabelLength} characters` })
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: 'must not contain control characters such as line breaks' })
  .nullable()
  .transform((v) => (v === '' ? null : v));

/** Omitted fields stay as they are. */
export const apiKeyLabelsRequestSchema = z
  .strictObject({ label: labelValue.optional(), environment: labelValue.optional() }, {
    // Only the wrong-type message is ours; unknown fields keep zod's message, which names them.
    error: (issue) => (issue.code === 'invalid_type' ? 'the body must be a JSON object' : undefined),
  })
  .refine((v) => v.label !== undefined || v.environment !== undefined, { error: 'set label, environment or both' });

export type ApiKeyLabelsRequest = z.infer<typeof apiKeyLabelsRequestSchema>;
