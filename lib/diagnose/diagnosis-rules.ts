// Every rule of the diagnosis engine, each a pure function of the evidence.
import type { DiagnosisEvidence } from './diagnosis-evidence';
import type { Finding, FindingCode } from './finding';
import { authKeyRotated } from './rules/auth-key-rotated';
import { authMissingHeader } from './rules/auth-missing-header';
import { authWrongEnvironment } from './rules/auth-wrong-environment';
import { authWrongScheme } from './rules/auth-wrong-scheme';
import { conflictState } from './rules/conflict-state';
import { notAcceptableAcceptHeader } from './rules/not-acceptable-accept-header';
import { notFoundMissingResource } from './rules/not-found-missing-resource';
import { notFoundWrongBaseUrl } from './rules/not-found-wrong-base-url';
import { notFoundWrongVersion } from './rules/not-found-wrong-version';
import { permissionEndpointScope } from './rules/permission-endpoint-scope';
import { permissionWrongContactCenter } from './rules/permission-wrong-contact-center';
import { rateLimitBurst } from './rules/rate-limit-burst';
import { rateLimitNoBackoff } from './rules/rate-limit-no-backoff';
import { serverErrors } from './rules/server-errors';
import { validationFields } from './rules/validation-fields';

export type DiagnosisRule = (evidence: DiagnosisEvidence) => Finding[];

export const diagnosisRules: Readonly<Record<FindingCode, DiagnosisRule>> = {
  'auth.missing_header': authMissingHeader,
  'auth.wrong_scheme': authWrongScheme,
  'auth.key_rotated': authKeyRotated,
  'auth.wrong_environment': authWrongEnvironment,
  'permission.endpoint_scope': permissionEndpointScope,
  'permission.wrong_contact_center': permissionWrongContactCenter,
  'not_found.wrong_version': notFoundWrongVersion,
  'not_found.missing_resource': notFoundMissingResource,
  'not_found.wrong_base_url': notFoundWrongBaseUrl,
  'not_acceptable.accept_header': notAcceptableAcceptHeader,
  'conflict.state': conflictState,
  'validation.fields': validationFields,
  'rate_limit.no_backoff': rateLimitNoBackoff,
  'rate_limit.burst': rateLimitBurst,
  'server.errors': serverErrors,
};
