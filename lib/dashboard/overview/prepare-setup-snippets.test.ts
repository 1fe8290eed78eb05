import { describe, expect, it } from 'vitest';
import { prepareSetupSnippets, publicBaseUrl } from './prepare-setup-snippets';

describe('publicBaseUrl', () => {
  it('uses FAULTLINE_PUBLIC_URL without trailing slashes, else localhost on PORT', () => {
    expect(publicBaseUrl('https://faultline.example.com/', 3000)).toBe('https://faultline.example.com');
    expect(publicBaseUrl('https://example.com/faultline//', 3000)).toBe('https://example.com/faultline');
    expect(publicBaseUrl(undefined, 4100)).toBe('http://localhost:4100');
  });
});

describe('prepareSetupSnippets', () => {
  it('points the stock OTel variables at the server root with a token placeholder and protobuf', () => {
    const s = prepareSetupSnippets('http://localhost:3000');
    expect(s.otlpEndpoint).toBe('http://localhost:3000/v1/traces');
    expect(s.envVars.split('\n')).toEqual([
      'export OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:3000',
      'export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20<ingest token>"',
      'export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
    ]);
  });

  it('starts the instrumentation module with this server as endpoint and the token from the environment', () => {
    const s = prepareSetupSnippets('https://faultline.example.com');
    expect(s.instrumentation).toContain("import { startFaultlineTelemetry } from './faultline-instrument.mjs';");
    expect(s.instrumentation).toContain("endpoint: 'https://faultline.example.com',");
    expect(s.instrumentation).toContain('token: process.env.FAULTLINE_INGEST_TOKEN,');
    expect(s.instrumentation).toContain('npm run build:instrument');
  });

  it('quotes a URL a shell or JavaScript would misread', () => {
    const s = prepareSetupSnippets("https://h/x?a=1&b='2'");
    expect(s.envVars.split('\n')[0]).toBe(`export OTEL_EXPORTER_OTLP_ENDPOINT='https://h/x?a=1&b='\\''2'\\'''`);
    expect(s.instrumentation).toContain("endpoint: 'https://h/x?a=1&b=\\'2\\'',");
  });
});

