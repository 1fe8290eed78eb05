'use client';
// The one time a token is shown: the token itself, where it goes, and that it will not be
// shown again. Lives only in the create action's answer; the page's own HTML never holds it.
import { CopyButton } from '@/app/_components/overview/copy-button';
import type { CreatedToken } from './actions';
import styles from './tokens.module.css';

const kindNames = { ingest: 'ingest token', api: 'API token' } as const;

export function NewTokenPanel({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  const what = created.kind === 'api' ? `${created.access} ${kindNames.api}` : kindNames.ingest;
  return (
    <section className={`panel ${styles.created}`} aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">
        New {what} “{created.name}”
      </h3>
      <p className={styles.warning} role="status">
        Copy it now: it will not be shown again. Faultline stores only its hash; if it is lost, revoke it and create another.
      </p>
      <div className={styles.snippet}>
        <pre>
          <code data-testid="new-token-value">{created.plaintext}</code>
        </pre>
        <CopyButton text={created.plaintext} label="token" />
      </div>
      <p className={styles.snippetLabel}>{created.usage.label}:</p>
      <div className={styles.snippet}>
        <pre>
          <code>{created.usage.snippet}</code>
        </pre>
        <CopyButton text={created.usage.snippet} label={created.kind === 'ingest' ? 'exporter variables' : 'curl command'} />
      </div>
      <p>
        <button type="button" onClick={onDismiss}>
          I have copied it
        </button>
      </p>
    </section>
  );
}
