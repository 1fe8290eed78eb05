// Turns a failed alert-rule validation into messages per field, keyed by dotted path
// ("threshold", "channels.0.url"), for the API's 422 and for the form to show next to its inputs.
import type { z } from 'zod';

/** Problems per field; '' holds problems with the body as a whole (e.g. not an object). */
export type FieldErrors = Record<string, string[]>;

const genericUnionMessage = 'Invalid input';

export function alertRuleFieldErrors(error: z.ZodError, input: unknown): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    const message = messageOf(issue, input);
    const list = out[path] ?? [];
    if (!list.includes(message)) list.push(message);
    out[path] = list;
  }
  return out;
}

function messageOf(issue: z.core.$ZodIssue, input: unknown): string {
  const field = issue.path.length ? String(issue.path[issue.path.length - 1]) : 'the rule';
  // zod's own wording for a missing value ("expected number, received undefined") reads badly in a form.
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return issue.path.length ? `${field} is required` : 'the rule must be a JSON object';
  }
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 'the rule must be a JSON object';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return `${field} must be a number`;
  // A union (a code is a number or a class) says only "Invalid input"; its branches say more.
  if (issue.code === 'invalid_union' && issue.message === genericUnionMessage) {
    const specific = issue.errors.flat().find((inner) => !inner.message.startsWith(genericUnionMessage));
    if (specific) return specific.message;
  }
  return issue.message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
