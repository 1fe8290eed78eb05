// What an empty dashboard shows instead of empty charts: where to send spans, which token to
// use, and snippets to paste (stock OpenTelemetry variables or the instrumentation module).
import type { SetupInfo } from '@/lib/dashboard/overview/get-setup-info';
import { CopyButton } from './copy-button';
import styles from './overview.module.css';

function Snippet({ text, label }: { text: string; label: string }) {
  return (
    <div className={styles.snippet}>
      <pre>
        <code>{text}</code>
      </pre>
      <CopyButton text={text} label={label} />
    </div>
  );
}

function TokenSource({ setup }: { setup: SetupInfo }) {
  const stored = setup.storedTokens;
  return (
    <>
      {setup.tokenFromEnvironment && (
        <p>
          The value of <code>FAULTLINE_INGEST_TOKEN</code> in the server&apos;s environment.
        </p>
      )}
      {stored.length > 0 && (
        <p>
          {setup.tokenFromEnvironment ? 'Or a stored ingest token: ' : 'The ingest token printed when the server first started: '}
          {stored.map((t, i) => (
            <span key={t.name}>
              {i > 0 && ', '}
              <code>{t.prefix}</code>
            </span>
          ))}
          . Only its hash is stored, so it cannot be shown again; set <code>FAULTLINE_INGEST_TOKEN</code> to choose your own.
        </p>
      )}
      {!setup.tokenFromEnvironment && stored.length === 0 && (
        <p>
          No ingest token exists yet: restart the server to generate one, or set <code>FAULTLINE_INGEST_TOKEN</code>.
        </p>
      )}
    </>
  );
}

export function SetupPanel({ setup }: { setup: SetupInfo }) {
  return (
    <section className={`panel ${styles.setup}`} aria-labelledby="setup-heading">
      <h2 id="setup-heading">No calls stored yet: send your first spans</h2>
      <p className="muted">
        Faultline shows the HTTP calls your applications make to an API, from OpenTelemetry client spans sent over OTLP/HTTP.
      </p>
      <dl>
        <dt>OTLP endpoint</dt>
        <dd>
          <code>{setup.otlpEndpoint}</code>
        </dd>
        <dt>Ingest token</dt>
        <dd>
          <TokenSource setup={setup} />
        </dd>
      </dl>
      <ol>
        <li>
          <h3>Any OpenTelemetry SDK: the standard exporter variables</h3>
          <Snippet text={setup.envVars} label="OpenTelemetry exporter environment variables" />
        </li>
        <li>
          <h3>Node.js: Faultline&apos;s instrumentation module</h3>
          <p className="muted">
            Adds the API-key fingerprint and the provider&apos;s error body to each call (see docs/instrument.md).
          </p>
          <Snippet text={setup.instrumentation} label="instrumentation module set-up" />
        </li>
        <li>
          <h3>Or see it with demo traffic</h3>
          <p>
            Run <code>npm run demo</code> in the Faultline checkout: a mock API and thirteen small applications with typical
            integration mistakes.
          </p>
        </li>
      </ol>
    </section>
  );
}
