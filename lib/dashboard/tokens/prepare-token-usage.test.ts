import { describe, expect, it } from 'vitest';
import { prepareTokenUsage } from './prepare-token-usage';

describe('prepareTokenUsage', () => {
  it('puts an ingest token in the stock exporter variables, URL-encoded', () => {
    expect(prepareTokenUsage('ingest', 'fl_ingest_abc-_123', 'https://faultline.example.com').snippet).toBe(
      'export OTEL_EXPORTER_OTLP_ENDPOINT=https://faultline.example.com\n' +
        'export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20fl_ingest_abc-_123"',
    );
  });

  it('puts an API token in a curl of the summary', () => {
    expect(prepareTokenUsage('api', 'fl_api_xyz', 'http://localhost:3000').snippet).toBe(
      'curl -H "Authorization: Bearer fl_api_xyz" http://localhost:3000/api/v1/summary',
    );
  });

  it('quotes an address the shell would interpret', () => {
    expect(prepareTokenUsage('api', 'fl_api_xyz', "http://host/a b'c").snippet).toBe(
      `curl -H "Authorization: Bearer fl_api_xyz" 'http://host/a b'\\''c/api/v1/summary'`,
    );
  });
});
