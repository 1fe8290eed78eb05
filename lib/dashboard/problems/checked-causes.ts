// What the diagnosis looks for, one phrase per rule, so an empty result can say what was checked.
// Typed by FindingCode: a new rule does not compile until it is described here.
import type { FindingCode } from '@/lib/diagnose/finding';

export const checkedCauses: Readonly<Record<FindingCode, string>> = {
  'auth.missing_header': '401s from calls without an Authorization header',
  'auth.wrong_scheme': '401s from an Authorization header not in Bearer form',
  'auth.key_rotated': '401s that begin when a key is switched or stops working',
  'auth.wrong_environment': 'keys used against the wrong cluster or environment',
  'permission.endpoint_scope': '403s from a role that lacks one permission',
  'permission.wrong_contact_center': 'keys that get 403 on everything (another contact center)',
  'not_found.wrong_version': '404s on an outdated API version',
  'not_found.missing_resource': '404s for ids that do not exist',
  'not_found.wrong_base_url': '404s on hosts or paths that never succeed',
  'not_acceptable.accept_header': '406s from an unsupported Accept header',
  'conflict.state': '409s retried before the resource state changed',
  'validation.fields': '422s, by field and message',
  'rate_limit.no_backoff': '429s retried sooner than Retry-After or without a growing delay',
  'rate_limit.burst': '429s during bursts of one key',
  'server.errors': '5xx server errors',
};
