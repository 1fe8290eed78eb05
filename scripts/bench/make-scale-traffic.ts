// A month of realistic client traffic for the query-at-scale benchmark: 10 services, 50 API keys,
// 30 endpoints on 3 hosts, a day/night and weekday/weekend rhythm, a background of 4xx/5xx, and
// incidents — 429 storms, revoked keys answering 401, a key missing a scope (403), a host's 502/503
// outage — with some of each in the last hour and day. Every call is a pure function of its index,
// so a 1M dataset can later be extended to 10M by adding the other 9 calls of every 10 in time.
import type { ClassifiedRequest, StatusClass } from '@/lib/classify/classified-request';
import { endpointId } from '@/lib/classify/endpoint-id';
import { parseErrorKeys } from '@/lib/classify/parse-error-keys';
import { fingerprintApiKey } from '@/lib/instrument/fingerprint-api-key';

const minuteMs = 60_000;
const dayMinutes = 24 * 60;

export interface ScaleTrafficOptions {
  /** Calls of the full stream (10M for the benchmark). */
  total: number;
  /** The stream ends at this time (ms); the benchmark uses "now". */
  endMs: number;
  days?: number;
}

/** Which calls of the stream to produce: index % every === part (or !== part with `except`). */
export interface StreamPart {
  every: number;
  part: number;
  except?: boolean;
}

interface Endpoint {
  method: string;
  host: string;
  route: string;
  id: string;
  baseMs: number;
}
interface Service {
  name: string;
  environment: string;
  keys: string[];
  endpoints: Endpoint[];
}
type IncidentKind = 429 | 401 | 403 | 503;
interface Incident {
  kind: IncidentKind;
  fromMinute: number;
  toMinute: number;
  service?: number;
  key?: string;
  endpoint?: string;
  host?: string;
  /** Share of the matching calls that fail. */
  share: number;
}

const hosts = ['api.voiso.com', 'api.stripe.com', 'api.hubapi.com'];
const routes: [string, string, number][] = [
  ['GET', '/api/v4/contacts', 0],
  ['GET', '/api/v4/contacts/{id}', 0],
  ['POST', '/api/v4/contacts', 0],
  ['GET', '/api/v4/cdr', 0],
  ['GET', '/api/v4/cdr/{id}/transcript', 0],
  ['GET', '/api/v4/agents', 0],
  ['POST', '/api/v4/campaigns/{id}/start', 0],
  ['GET', '/api/v4/users', 0],
  ['DELETE', '/api/v4/contacts/{id}', 0],
  ['GET', '/api/v4/campaigns', 0],
  ['GET', '/v1/customers/{id}', 1],
  ['POST', '/v1/payment_intents', 1],
  ['GET', '/v1/invoices', 1],
  ['POST', '/v1/refunds', 1],
  ['GET', '/v1/subscriptions/{id}', 1],
  ['POST', '/v1/customers', 1],
  ['GET', '/v1/charges', 1],
  ['GET', '/v1/balance', 1],
  ['POST', '/v1/invoices/{id}/pay', 1],
  ['GET', '/v1/events', 1],
  ['GET', '/crm/v3/objects/contacts', 2],
  ['POST', '/crm/v3/objects/contacts/batch/read', 2],
  ['PATCH', '/crm/v3/objects/contacts/{id}', 2],
  ['GET', '/crm/v3/objects/deals', 2],
  ['POST', '/crm/v3/objects/deals', 2],
  ['GET', '/crm/v3/owners', 2],
  ['GET', '/crm/v3/pipelines/deals', 2],
  ['POST', '/crm/v3/associations/batch/create', 2],
  ['GET', '/crm/v3/objects/companies/{id}', 2],
  ['DELETE', '/crm/v3/objects/deals/{id}', 2],
];
const serviceNames = ['billing-worker', 'crm-sync', 'dialer', 'reports', 'webhook-relay', 'agent-portal', 'transcriber', 'campaign-runner', 'contacts-import', 'audit-export'];
const serviceWeights = [0.22, 0.17, 0.13, 0.11, 0.09, 0.08, 0.07, 0.06, 0.04, 0.03];
const keyWeights = [0.45, 0.25, 0.15, 0.1, 0.05];
const endpointWeights = [0.3, 0.2, 0.15, 0.1, 0.08, 0.07, 0.05, 0.05];

/** Background failures per call: [status, cumulative probability]. */
const background: [number, number][] = [
  [404, 0.008],
  [422, 0.013],
  [400, 0.016],
  [429, 0.018],
  [500, 0.02],
  [503, 0.0208],
  [502, 0.0215],
  [0, 0.022],
  [409, 0.023],
  [401, 0.0235],
  [403, 0.024],
];
const bodies: Record<number, string[]> = {
  400: ['{"error":"Bad request","message":"limit must be at most 100"}'],
  401: ['{"error":"Unauthorized","message":"Invalid API key"}'],
  403: ['{"error":"Forbidden","message":"This key may not call this endpoint"}'],
  404: ['{"error":"Not found"}'],
  409: ['{"error":"state: conflict"}'],
  422: ['{"errors":{"name":["is missing"],"email":["is invalid"]}}', '{"errors":{"timezone":["must be a string"]}}'],
  429: ['{"error":"Too many requests","retry_after":1}'],
  500: ['{"error":"Internal Server Error"}'],
  502: ['<html><body>502 Bad Gateway</body></html>'],
  503: ['{"message":"Service unavailable, try again later"}'],
};
const errorKeysOf = new Map(Object.entries(bodies).flatMap(([s, list]) => list.map((b) => [b, parseErrorKeys(Number(s), b)] as const)));

/** A 32-bit hash; the stream's randomness is a pure function of (call index, draw). */
function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function pickIndex(weights: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] ?? 0;
    if (u < acc) return i;
  }
  return weights.length - 1;
}

// Number#toString(16) dominated generation time; a byte table is ~10x faster.
const hexByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function hex8(n: number): string {
  return `${hexByte[n >>> 24]}${hexByte[(n >>> 16) & 255]}${hexByte[(n >>> 8) & 255]}${hexByte[n & 255]}`;
}

export class ScaleTraffic {
  readonly startMinute: number;
  readonly minutes: number;
  readonly services: Service[];
  readonly incidents: Incident[];
  /** Calls of the full stream before each minute (length minutes + 1). */
  private readonly cumulative: Float64Array;
  private readonly active: Incident[][];

  constructor(readonly options: ScaleTrafficOptions) {
    const days = options.days ?? 30;
    this.minutes = days * dayMinutes;
    this.startMinute = Math.floor(options.endMs / minuteMs) - this.minutes + 1;
    const endpoints = routes.map(([method, route, h]) => {
      const host = hosts[h] as string;
      return { method, host, route, id: endpointId(method, host, route), baseMs: 40 + (mix(route.length * 97 + h) % 360) };
    });
    this.services = serviceNames.map((name, s) => ({
      name,
      environment: s === 3 || s === 8 ? 'staging' : 'production',
      keys: keyWeights.map((_, k) => fingerprintApiKey(`sk_bench_${name}_${k}`)),
      // Each service talks mostly to one host (6 endpoints), plus 2 endpoints of another.
      endpoints: endpointWeights.map((_, e) => {
        const host = e < 6 ? s % 3 : (s + 1) % 3;
        return endpoints[host * 10 + ((s * 3 + e) % 10)] as Endpoint;
      }),
    }));
    this.incidents = this.planIncidents();
    this.active = Array.from({ length: this.minutes }, () => []);
    for (const incident of this.incidents) {
      for (let m = Math.max(incident.fromMinute, this.startMinute); m < Math.min(incident.toMinute, this.startMinute + this.minutes); m++) {
        this.active[m - this.startMinute]?.push(incident);
      }
    }
    this.cumulative = this.distribute(options.total);
  }

  /** Calls in the minute, day/night and weekday/weekend shaped; exactly `total` over all minutes. */
  private distribute(total: number): Float64Array {
    const weights = new Float64Array(this.minutes);
    let sum = 0;
    for (let i = 0; i < this.minutes; i++) {
      const minute = this.startMinute + i;
      const hour = (minute % dayMinutes) / 60;
      const weekday = Math.floor(minute / dayMinutes + 4) % 7; // 0 = Sunday (epoch day 0 was a Thursday)
      const weekend = weekday === 0 || weekday === 6 ? 0.55 : 1;
      const w = weekend * (1 + 0.7 * Math.sin((2 * Math.PI * (hour - 9)) / 24)) + 0.05;
      weights[i] = w;
      sum += w;
    }
    const cumulative = new Float64Array(this.minutes + 1);
    let acc = 0;
    for (let i = 0; i < this.minutes; i++) {
      acc += weights[i] ?? 0;
      cumulative[i + 1] = i + 1 === this.minutes ? total : Math.floor((acc / sum) * total);
    }
    return cumulative;
  }

  private planIncidents(): Incident[] {
    const out: Incident[] = [];
    const first = this.startMinute;
    const last = first + this.minutes;
    const u = (i: number, draw: number) => mix(i * 7919 + draw + 0x51ed) / 2 ** 32;
    const days = this.minutes / dayMinutes;
    for (let i = 0; i < days * 2; i++) {
      const from = first + Math.floor(u(i, 1) * this.minutes);
      out.push({ kind: 429, fromMinute: from, toMinute: from + 10 + Math.floor(u(i, 2) * 35), service: i % 10, share: 0.3 + 0.4 * u(i, 3) });
    }
    for (let i = 0; i < days / 2; i++) {
      const from = first + Math.floor(u(i, 11) * this.minutes);
      const service = this.services[Math.floor(u(i, 12) * 10)] as Service;
      out.push({ kind: 401, fromMinute: from, toMinute: from + 60 + Math.floor(u(i, 13) * 420), key: service.keys[1 + (i % 4)], share: 1 });
    }
    for (let i = 0; i < days / 3; i++) {
      const from = first + Math.floor(u(i, 21) * this.minutes);
      const service = this.services[Math.floor(u(i, 22) * 10)] as Service;
      const endpoint = service.endpoints[i % 8] as Endpoint;
      out.push({ kind: 403, fromMinute: from, toMinute: from + 120 + Math.floor(u(i, 23) * 1300), key: service.keys[0], endpoint: endpoint.id, share: 1 });
    }
    for (let i = 0; i < days / 4; i++) {
      const from = first + Math.floor(u(i, 31) * this.minutes);
      out.push({ kind: 503, fromMinute: from, toMinute: from + 5 + Math.floor(u(i, 32) * 15), host: hosts[i % 3], share: 0.5 });
    }
    // What the overview's default ranges show right now: a 429 storm in the last hour, a key
    // revoked a few hours ago that is still being used, and a scope missing for the last day.
    const top = this.services[0] as Service;
    const second = this.services[1] as Service;
    out.push({ kind: 429, fromMinute: last - 40, toMinute: last - 12, service: 0, share: 0.6 });
    out.push({ kind: 401, fromMinute: last - 180, toMinute: last, key: second.keys[2], share: 1 });
    out.push({ kind: 403, fromMinute: last - 1500, toMinute: last, key: top.keys[1], endpoint: top.endpoints[2]?.id, share: 1 });
    return out;
  }

  /** Calls of the full stream (for splitting into parts). */
  get total(): number {
    return this.options.total;
  }

  /** The stream's calls in time order (start ms ascending), only those of `part` if given. */
  *calls(part?: StreamPart): Generator<ClassifiedRequest> {
    for (let i = 0; i < this.minutes; i++) {
      const first = this.cumulative[i] ?? 0;
      const count = (this.cumulative[i + 1] ?? 0) - first;
      for (let j = 0; j < count; j++) {
        const index = first + j;
        if (part && (index % part.every === part.part) === Boolean(part.except)) continue;
        yield this.call(index, i, j, count);
      }
    }
  }

  private call(index: number, minuteIndex: number, j: number, inMinute: number): ClassifiedRequest {
    let state = mix(index + 0x9e3779b9) || 1;
    const next = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 2 ** 32;
    };
    const minute = this.startMinute + minuteIndex;
    const startMs = minute * minuteMs + Math.floor(((j + next()) / inMinute) * minuteMs);
    const serviceIndex = pickIndex(serviceWeights, next());
    const service = this.services[serviceIndex] as Service;
    const key = service.keys[pickIndex(keyWeights, next())] as string;
    const endpoint = service.endpoints[pickIndex(endpointWeights, next())] as Endpoint;
    const u = next();
    let statusCode = 0;
    let statusCodeSet = false;
    for (const incident of this.active[minuteIndex] ?? []) {
      const hit =
        (incident.service === undefined || incident.service === serviceIndex) &&
        (incident.key === undefined || incident.key === key) &&
        (incident.endpoint === undefined || incident.endpoint === endpoint.id) &&
        (incident.host === undefined || incident.host === endpoint.host);
      if (hit && u < incident.share) {
        statusCode = incident.kind === 503 ? (u < incident.share / 2 ? 502 : 503) : incident.kind;
        statusCodeSet = true;
        break;
      }
    }
    if (!statusCodeSet) {
      const v = next();
      const failure = background.find(([, p]) => v < p);
      statusCode = failure ? failure[0] : endpoint.method === 'POST' ? 201 : endpoint.method === 'DELETE' ? 204 : 200;
    }
    const isError = statusCode === 0 || statusCode >= 400;
    const variants = bodies[statusCode];
    const errorBody = variants ? (variants[Math.floor(next() * variants.length)] as string) : null;
    const errorType = statusCode === 0 ? (next() < 0.7 ? 'ECONNRESET' : 'timeout') : null;
    const errorKeys = errorType !== null ? [errorType] : errorBody !== null ? (errorKeysOf.get(errorBody) ?? []) : [];
    // Quick refusals are quick; timeouts are long. Durations are multiples of 1/1024 ms, so sums
    // of them are exact in any order and every write path agrees to the last bit.
    const spread = next() + next() + next();
    const raw =
      statusCode === 0 && errorType === 'timeout'
        ? 10_000 + spread * 100
        : statusCode === 401 || statusCode === 403 || statusCode === 429
          ? 4 + spread * 8
          : endpoint.baseMs * Math.exp((spread - 1.5) * 1.2);
    const durationMs = Math.round(raw * 1024) / 1024;
    // The first 8 hex digits are a bijection of the index, so ids never collide.
    const word = () => hex8((next() * 2 ** 32) >>> 0);
    return {
      traceId: hex8(mix(index)) + word() + word() + word(),
      spanId: hex8(mix(index ^ 0x5bd1e995)) + word(),
      parentSpanId: null,
      spanName: endpoint.method,
      startMs,
      durationMs,
      service: service.name,
      environment: service.environment,
      method: endpoint.method,
      host: endpoint.host,
      route: endpoint.route,
      endpointId: endpoint.id,
      statusCode,
      statusClass: (statusCode === 0 ? 'network' : `${Math.floor(statusCode / 100)}xx`) as StatusClass,
      isError,
      errorType,
      errorKeys,
      errorBody,
      apiKeyFingerprint: key,
      authScheme: 'bearer',
      accept: 'application/json',
      retryAfter: statusCode === 429 ? '1' : null,
      resendCount: null,
      extraAttributes: null,
    };
  }
}

/** When an exporter's batch holding this call reaches the server: batches leave every 5 s. */
export function receivedMsOf(call: ClassifiedRequest): number {
  return Math.ceil((call.startMs + call.durationMs + 1) / 5_000) * 5_000 + 37;
}
