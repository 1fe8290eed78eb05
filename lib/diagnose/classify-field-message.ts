// Reads a validation error key ("timezone: must be a string") as a field, a message and the kind
// of mistake the message describes.

export type FieldMistake = 'missing' | 'wrong_type' | 'not_allowed' | 'other';

export interface FieldError {
  field: string;
  message: string;
  mistake: FieldMistake;
  /** For wrong_type: the type asked for ("a string"). */
  expectedType?: string;
}

const missing = /\b(is missing|is required|required|must be present|must be filled|can'?t be blank|cannot be blank|must not be (blank|empty|null))\b/i;
const notAllowed = /\b(must be one of|is not included in|not an allowed|is not a valid (value|option|choice)|invalid (value|option|choice)|unknown value|must be (lower|upper)case|case[- ]sensitive)\b/i;
const typeWords = 'string|integer|int|number|float|decimal|boolean|bool|array|list|hash|object|map|date|time|datetime|timestamp|uuid';
const wrongType = new RegExp(`\\b(?:must be|should be|is not|expected)\\s+(an? (?:${typeWords}))\\b|\\b(?:must be|should be) of type\\s+(\\w+)|\\binvalid type\\b`, 'i');

// Field names are identifiers or dotted paths; anything longer or odder is a message of its own.
const fieldKey = /^([A-Za-z_][\w.[\]-]{0,99}):\s+(.+)$/;

export function classifyFieldMessage(message: string): { mistake: FieldMistake; expectedType?: string } {
  if (missing.test(message)) return { mistake: 'missing' };
  if (notAllowed.test(message)) return { mistake: 'not_allowed' };
  const type = wrongType.exec(message);
  if (type) return { mistake: 'wrong_type', expectedType: type[1] ?? type[2] };
  return { mistake: 'other' };
}

/** The field error an error key states, or null when it names no field. */
export function parseFieldError(errorKey: string): FieldError | null {
  const match = fieldKey.exec(errorKey.trim());
  if (!match?.[1] || !match[2]) return null;
  return { field: match[1], message: match[2], ...classifyFieldMessage(match[2]) };
}
