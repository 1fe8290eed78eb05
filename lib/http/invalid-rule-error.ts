// The 422 for an alert rule that fails validation: every field's problems in `fields`, and the
// same problems in one readable `message` for clients that only log messages.
import type { FieldErrors } from '@/lib/alerts/alert-rule-field-errors';
import { ApiError } from './api-error';

export function invalidRuleError(fieldErrors: FieldErrors): ApiError {
  const details = Object.entries(fieldErrors).map(([path, messages]) => (path ? `${path}: ${messages.join(', ')}` : messages.join(', ')));
  return new ApiError('invalid_rule', `The rule is invalid: ${details.join('; ')}.`, {}, fieldErrors);
}
