// Test-only spans with unique secrets planted everywhere a client could put one: credential
// headers (string and array forms, several spellings), URL query strings, userinfo and
// fragments, unknown and opted-in attributes, resource attributes, span names, error.type and
// error bodies; plus harmless values that must be stored. Each planted secret's random core is
// recorded, so a test can search the database for all of them.
import { randomBytes } from 'node:crypto';
import type { Attributes } from '@opentelemetry/api';
import { otlpProtoSchema } from '@/lib/otlp/otlp-proto-schema';
import { type OtlpFormat, type ResourceSpec, type SpanSpec, SpanKind } from '@/lib/testing/otel-spans';

const str = (stringValue: string) => ({ stringValue });
const kvlist = (entries: Record<string, unknown>) => ({
  kvlistValue: { values: Object.entries(entries).map(([key, value]) => ({ key, value })) },
});

export interface PlantedSecrets {
  /** The random core of every secret planted so far: none of them may be found in the database. */
  planted: string[];
  /** Harmless values that must be stored: proof that a search can see stored text. */
  stored: { tenant: string; requestId: string };
  /** A 401, a 200 (older conventions) and a network failure, for the OpenTelemetry SDK to record. */
  sdkSpecs(startMs: number): SpanSpec[];
  resource(service: string): ResourceSpec;
  /** One 422 with map-valued attributes (which the JS SDK cannot produce), encoded by hand. */
  handBuiltBody(format: OtlpFormat, service: string, startMs: number): Uint8Array | string;
}

export function plantSecrets(): PlantedSecrets {
  const planted: string[] = [];
  /** A unique secret; `core` is what is searched for (a cut-off prefix of it would be found too). */
  function secret(prefix: string, core = randomBytes(8).toString('hex')): string {
    planted.push(core);
    return `${prefix}${core}`;
  }

  /** A long random-looking key (upper, lower and digits), as providers issue them. */
  function longRandomKey(): string {
    return secret('Lr9', `${randomBytes(15).toString('base64').replace(/[+/=]/g, 'x')}Q7`);
  }

  /** Values that are harmless and must be stored: proof that the search can see stored text. */
  const stored = {
    tenant: `tenant-${randomBytes(6).toString('hex')}`,
    requestId: `req-${randomBytes(6).toString('hex')}`,
  };

  function plantedErrorBody(): string {
    return JSON.stringify({
      error: 'Unauthorized',
      request_id: stored.requestId,
      echo: `Authorization: Bearer ${secret('Eb')}`,
      api_key: secret('Ek'),
      detail: `password=${secret('Ep')} and token=${secret('Et')}`,
      hint: `invalid api key ${longRandomKey()}`,
    });
  }

  /** Opted-in attributes: one harmless, the rest carrying credentials in free text. */
  function plantedExtras(): Attributes {
    return {
      'app.tenant': stored.tenant,
      'app.note': `retried with Bearer ${secret('Xb')}`,
      'app.pairs': `key=${secret('Xk')}&token=${secret('Xt')}&secret=${secret('Xs')}&password=${secret('Xp')}`,
      'app.payload': `{"api_key": "${longRandomKey()}"}`,
      'app.callback': `https://hooks.example.com/cb?state=${secret('Xq')}`,
      'app.api_token': secret('Xn'),
    };
  }

  /** Attributes Faultline does not understand and nobody listed. */
  function plantedUnknowns(): Attributes {
    return {
      'custom.debug': secret('Ud'),
      'db.statement': `select * from users where token = '${secret('Us')}'`,
      'exception.message': `failed: ${secret('Um')}`,
    };
  }

  function sdkSpecs(startMs: number): SpanSpec[] {
    return [
      {
        name: `GET https://admin:${secret('Nu')}@cc1.voiso.com/api/v4/users?api_key=${secret('Nq')} Bearer ${secret('Nb')}`,
        kind: SpanKind.CLIENT,
        startMs,
        durationMs: 10,
        attributes: {
          'http.request.method': 'GET',
          'http.response.status_code': 401,
          'server.address': 'cc1.voiso.com',
          'url.full': `https://u:${secret('Fu')}@cc1.voiso.com/api/v4/users?page=${secret('Fp')}&api_key=${secret('Fk')}#access_token=${secret('Ff')}`,
          'url.query': `page=${secret('Qp')}&secret=${secret('Qs')}`,
          // Credential headers as semconv string arrays.
          'http.request.header.authorization': [`Bearer ${secret('Ha')}`],
          'http.request.header.cookie': [`session=${secret('Hc')}`],
          'http.response.header.set-cookie': [`sid=${secret('Hs')}; HttpOnly`],
          'http.request.header.x-api-key': [secret('Hx')],
          'http.request.header.proxy-authorization': [`Basic ${secret('Hp')}`],
          'http.request.header.accept': ['application/json'],
          'faultline.error.body': plantedErrorBody(),
          'faultline.api_key.fingerprint': 'fp_planted',
          ...plantedExtras(),
          ...plantedUnknowns(),
        },
      },
      {
        name: 'POST',
        kind: SpanKind.CLIENT,
        startMs: startMs + 10,
        durationMs: 10,
        attributes: {
          // Older conventions, and credential headers as plain strings in other spellings.
          'http.method': 'POST',
          'http.status_code': 200,
          'http.url': `http://legacy.example.com:8080/v1/items?token=${secret('Lu')}&q=${secret('Lq')}`,
          'http.target': `/v1/items?key=${secret('Lt')}`,
          'http.request.header.Authorization': `Bearer ${secret('Sa')}`,
          'http.request.header.Cookie': `session=${secret('Sc')}`,
          'http.response.header.Set-Cookie': `sid=${secret('Ss')}`,
          'http.request.header.x_api_key': secret('Sx'),
          'http.request.header.Proxy-Authorization': `Basic ${secret('Sp')}`,
          ...plantedExtras(),
          ...plantedUnknowns(),
        },
      },
      {
        name: 'GET',
        kind: SpanKind.CLIENT,
        startMs: startMs + 20,
        durationMs: 10,
        attributes: {
          'http.request.method': 'GET',
          'error.type': `ECONNRESET token=${secret('Te')}`,
          'url.full': `https://cc1.voiso.com/api/v4/cdr?api_key=${secret('Tk')}`,
          ...plantedExtras(),
        },
      },
    ];
  }

  function plantedResource(service: string): ResourceSpec {
    return {
      service,
      environment: 'production',
      attributes: { 'app.resource_token': secret('Ra'), 'process.command_args': ['--api-key', secret('Rk')] },
    };
  }

  /** One span with map-valued attributes, which the OpenTelemetry JS SDK cannot produce, as OTLP objects. */
  function handBuiltRequest(service: string, startMs: number, ids: { traceId: string; spanId: string }) {
    const startNs = BigInt(startMs) * 1_000_000n;
    const attribute = (key: string, value: unknown) => ({ key, value });
    const span = {
      ...ids,
      name: `POST Bearer ${secret('Mn')}`,
      kind: 3,
      startTimeUnixNano: String(startNs),
      endTimeUnixNano: String(startNs + 5_000_000n),
      attributes: [
        attribute('http.request.method', str('POST')),
        attribute('http.response.status_code', { intValue: 422 }),
        attribute('url.full', str(`https://cc1.voiso.com/api/v4/contacts?token=${secret('Mu')}`)),
        attribute(
          'http.request.headers',
          kvlist({
            Authorization: str(`Bearer ${secret('Ma')}`),
            Cookie: str(`session=${secret('Mc')}`),
            'X-Api-Key': str(secret('Mx')),
            Accept: str('application/json'),
          }),
        ),
        attribute('app.tenant', str(stored.tenant)),
        attribute(
          'app.map',
          kvlist({
            password: str(secret('Mp')),
            nested: kvlist({ note: str(`secret=${secret('Ms')}`) }),
            list: { arrayValue: { values: [str(`Bearer ${secret('Ml')}`), str('plain')] } },
          }),
        ),
        attribute('custom.unlisted', kvlist({ anything: str(secret('Mk')) })),
        attribute('faultline.error.body', kvlist({ errors: kvlist({ name: str('is missing') }), password: str(secret('Mb')) })),
      ],
    };
    return {
      resourceSpans: [
        {
          resource: { attributes: [attribute('service.name', str(service)), attribute('app.resource_token', str(secret('Mr')))] },
          scopeSpans: [{ scope: { name: 'hand-built' }, spans: [span] }],
        },
      ],
    };
  }

  function handBuiltBody(format: OtlpFormat, service: string, startMs: number): Uint8Array | string {
    const traceId = randomBytes(16).toString('hex');
    const spanId = randomBytes(8).toString('hex');
    if (format === 'json') return JSON.stringify(handBuiltRequest(service, startMs, { traceId, spanId }));
    const type = otlpProtoSchema.exportTraceServiceRequest;
    const message = handBuiltRequest(service, startMs, { traceId, spanId }) as unknown as {
      resourceSpans: { scopeSpans: { spans: Record<string, unknown>[] }[] }[];
    };
    // Protobuf carries ids as bytes.
    for (const span of message.resourceSpans[0]?.scopeSpans[0]?.spans ?? []) {
      span.traceId = Buffer.from(traceId, 'hex');
      span.spanId = Buffer.from(spanId, 'hex');
    }
    return type.encode(type.fromObject(message)).finish();
  }

  return { planted, stored, sdkSpecs, resource: plantedResource, handBuiltBody };
}
