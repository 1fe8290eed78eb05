// Owns decoding an OTLP/JSON (application/json) ExportTraceServiceRequest.
import type { z } from 'zod';
import type { DecodedExport } from './decoded-span';
import { DecodedExportBuilder } from './decoded-export-builder';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './exceeds-json-depth';
import { OtlpDecodeError } from './otlp-decode-error';
import {
  type ExportTraceServiceRequestJson,
  exportTraceServiceRequestJsonSchema,
} from './schemas/otlp-json-schema';

/** Shown per request; the first few issues are enough to fix a systematic encoding mistake. */
const MAX_ISSUES_SHOWN = 3;

/** resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(root)' : out;
}

function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>): string {
  const shown = issues
    .slice(0, MAX_ISSUES_SHOWN)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length > MAX_ISSUES_SHOWN ? ` (and ${issues.length - MAX_ISSUES_SHOWN} more)` : '';
  return shown.join('; ') + more;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') {
    throw new OtlpDecodeError(
      'The body is empty. Send an OTLP/JSON ExportTraceServiceRequest (at least "{}").',
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OtlpDecodeError(
      `The body is not valid JSON: ${reason}. Check that Content-Type matches the encoding you send.`,
      { cause: error },
    );
  }
}

function validateShape(json: unknown): ExportTraceServiceRequestJson {
  if (exceedsJsonDepth(json)) {
    throw new OtlpDecodeError(
      `The OTLP/JSON request nests more than ${MAX_JSON_DEPTH} levels deep: attribute values are nested too deeply to process.`,
    );
  }
  let result: ReturnType<typeof exportTraceServiceRequestJsonSchema.safeParse>;
  try {
    result = exportTraceServiceRequestJsonSchema.safeParse(json);
  } catch (error) {
    // A backstop: exceedsJsonDepth keeps validation far from the stack limit.
    if (error instanceof RangeError) {
      throw new OtlpDecodeError(
        'The OTLP/JSON request has attribute values nested too deeply to process.',
        { cause: error },
      );
    }
    throw error;
  }
  if (!result.success) {
    throw new OtlpDecodeError(
      `The body is not a valid OTLP/JSON ExportTraceServiceRequest: ${formatIssues(result.error.issues)}`,
    );
  }
  return result.data;
}

/**
 * Decodes OTLP/JSON. A malformed document is an OtlpDecodeError (400); well-formed spans with
 * bad ids or times are only counted in rejectedSpans. `{}` is a valid request with no spans.
 */
export function decodeJsonExport(text: string): DecodedExport {
  const resourceSpans = validateShape(parseJson(text));
  const builder = new DecodedExportBuilder('hex');
  resourceSpans.forEach((resource, resourceIndex) => {
    resource.scopeSpans.forEach((scope, scopeIndex) => {
      scope.spans.forEach((span, spanIndex) => {
        builder.add(span, { resourceIndex, scopeIndex, spanIndex }, resource.resource, scope.scopeName);
      });
    });
  });
  return builder.build();
}
