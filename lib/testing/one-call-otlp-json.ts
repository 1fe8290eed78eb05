// An OTLP/JSON export body holding one HTTP client call, for tests that need a valid export
// without an SDK (token checks, access tests).
import { randomBytes } from 'node:crypto';

export interface OneCall {
  service: string;
  statusCode: number;
  url: string;
  fingerprint: string;
}

export function oneCallOtlpJson(call: OneCall): string {
  const startNs = BigInt(Date.now() - 1000) * 1_000_000n;
  const attr = (key: string, value: Record<string, string>) => ({ key, value });
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [attr('service.name', { stringValue: call.service })] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: randomBytes(16).toString('hex'),
                spanId: randomBytes(8).toString('hex'),
                name: 'GET',
                kind: 3,
                startTimeUnixNano: String(startNs),
                endTimeUnixNano: String(startNs + 5_000_000n),
                attributes: [
                  attr('http.request.method', { stringValue: 'GET' }),
                  attr('http.response.status_code', { intValue: String(call.statusCode) }),
                  attr('url.full', { stringValue: call.url }),
                  attr('faultline.api_key.fingerprint', { stringValue: call.fingerprint }),
                ],
              },
            ],
          },
        ],
      },
    ],
  });
}
