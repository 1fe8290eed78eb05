// Call detail records: GET /cdr (optionally by time range), GET /cdr/{id} and its transcript.
import { findById } from './find-by-id';
import { pagedResponse } from './list-response';
import { conflict, fieldErrorsResponse, jsonResponse, notFound } from './mock-response';
import { negotiateTranscriptFormat, transcriptFormats } from './negotiate-transcript-format';
import { renderTranscript } from './render-transcript';
import { cdrQueryRequestSchema } from './schemas/voiso-request-schemas';
import { validateQuery } from './validate-request';
import type { VoisoRoute } from './voiso-route';

export const cdrRoutes: readonly VoisoRoute[] = [
  {
    method: 'GET',
    path: '/cdr',
    resource: 'cdr',
    action: 'read',
    handle: ({ state, query }) => {
      const range = validateQuery(cdrQueryRequestSchema, query);
      if (!range.ok) return range.response;
      const fromMs = range.value.from === undefined ? -Infinity : Date.parse(range.value.from);
      const toMs = range.value.to === undefined ? Infinity : Date.parse(range.value.to);
      const calls = state.calls.filter((call) => {
        const startedMs = Date.parse(call.started_at);
        return startedMs >= fromMs && startedMs <= toMs;
      });
      return pagedResponse(calls, range.value);
    },
  },
  {
    method: 'GET',
    path: '/cdr/:id',
    resource: 'cdr',
    action: 'read',
    handle: ({ state, params }) => {
      const call = findById(state.calls, params.id);
      return call ? jsonResponse(200, { data: call }) : notFound();
    },
  },
  {
    method: 'GET',
    path: '/cdr/:id/transcript',
    resource: 'transcripts',
    action: 'read',
    handle: ({ state, params, query, headers }) => {
      const call = findById(state.calls, params.id);
      if (!call) return notFound();
      const format = negotiateTranscriptFormat(query.get('format'), headers.accept);
      if (format === null) {
        return fieldErrorsResponse(406, { format: [`must be one of: ${transcriptFormats.join(', ')}`] });
      }
      const segments = state.transcripts.get(call.id);
      // Still transcribing: the output is "not available yet", which the reference files under 409.
      if (call.transcript_status !== 'ready' || segments === undefined) return conflict();
      const rendered = renderTranscript(call.id, segments, format);
      return { status: 200, headers: { 'content-type': rendered.contentType, vary: 'Accept' }, body: rendered.body };
    },
  },
];
