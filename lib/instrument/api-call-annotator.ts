// The Faultline attributes of one outbound API call, shared by the fetch and http/https hooks.
import type { Attributes } from '@opentelemetry/api';
import { templateRoute } from '../classify/template-route';
import type { HostMatcher } from './match-api-host';
import { readAuthorization } from './read-authorization';
import { callKeyOf, type ResendTracker, retryAfterMsOf } from './resend-tracker';

export interface ApiCallAnnotatorOptions {
  isApiHost: HostMatcher;
  /** The OTLP endpoint's own URL: its calls are never traced, even when its host matches. */
  exportUrl: URL;
  resends: ResendTracker;
  fingerprintSecret?: string;
  now: () => number;
}

export interface ApiCallRequest {
  method: string;
  /** `scheme://host[:port]` */
  origin: string;
  /** Path with query, as sent. */
  path: string;
  authorization: string | readonly string[] | undefined;
}

/** What the hooks keep about a call between its start and its outcome. */
export interface ApiCall {
  attributes: Attributes;
  callKey: string;
  resendCount: number;
}

export class ApiCallAnnotator {
  constructor(private readonly options: ApiCallAnnotatorOptions) {}

  /** Whether a call to this origin and path is traced at all. */
  shouldTrace(origin: string, path: string): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    const { exportUrl } = this.options;
    if (url.host === exportUrl.host && path.split('?')[0] === exportUrl.pathname) return false;
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.options.isApiHost(url.hostname, port);
  }

  /** Attributes known when the call starts; the key itself is reduced to its fingerprint here. */
  start(request: ApiCallRequest): ApiCall {
    const auth = readAuthorization(request.authorization, this.options.fingerprintSecret);
    const callKey = callKeyOf(request.method, request.origin, request.path, auth.fingerprint);
    const resendCount = this.options.resends.resendCountFor(callKey, this.options.now());
    const attributes: Attributes = {
      'faultline.auth.scheme': auth.scheme,
      'url.template': templateRoute(request.path),
    };
    if (auth.fingerprint) attributes['faultline.api_key.fingerprint'] = auth.fingerprint;
    if (resendCount > 0) attributes['http.request.resend_count'] = resendCount;
    return { attributes, callKey, resendCount };
  }

  /** Records how the call ended, for recognising the next attempt as a resend. */
  finish(call: ApiCall, statusCode: number | undefined, retryAfter?: string): void {
    const failed = statusCode === undefined || statusCode >= 400;
    const nowMs = this.options.now();
    this.options.resends.recordOutcome(call.callKey, call.resendCount, failed, nowMs, retryAfterMsOf(retryAfter, nowMs));
  }
}
