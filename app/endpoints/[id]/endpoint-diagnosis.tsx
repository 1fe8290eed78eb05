// The diagnosis slot right after the figures: for each failing status, how many calls got it
// and the error key most of them carried. The advice panel (next issue) replaces it.
import type { TopErrorKey } from '@/lib/dashboard/endpoint/summarize-top-error-keys';
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import styles from './endpoint.module.css';

export function EndpointDiagnosis({ top, total }: { top: TopErrorKey[]; total: number }) {
  return (
    <section id="diagnosis" aria-labelledby="diagnosis-heading" className={`panel ${styles.diagnosis}`}>
      <h2 id="diagnosis-heading">Diagnosis</h2>
      {top.length === 0 ? (
        <p className="muted">{total === 0 ? 'No calls in this range.' : 'No failing calls in this range.'}</p>
      ) : (
        <ul>
          {top.map((t) => (
            <li key={t.status} data-status={t.status}>
              <span className={`badge status-${t.statusClass}`}>
                {t.status === 'network' ? '' : `${t.status} `}
                {t.statusLabel}
              </span>{' '}
              {formatCount(t.calls)} {t.calls === 1 ? 'call' : 'calls'} ({formatShare(t.calls, total)} of all calls)
              {t.errorKey === null ? (
                <>: no error key recorded.</>
              ) : (
                <>
                  ; {t.share === 1 ? 'all' : `${formatCount(t.keyCalls)} (${formatShare(t.keyCalls, t.calls)})`} with{' '}
                  <q className="mono">{t.errorKey}</q>.
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
