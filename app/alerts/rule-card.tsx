// One alert rule on /alerts: its name, severity and status, the condition in words, scope,
// channels, how many of its instances are in each state, edit and delete (for admins), and its history.
import Link from 'next/link';
import type { AlertRuleWithHistory } from '@/lib/dashboard/alerts/load-alerts-page';
import { stateLabels } from '@/lib/dashboard/alerts/prepare-alerts-page';
import { formatUtc } from '@/lib/dashboard/format-figures';
import styles from './alerts.module.css';
import { DeleteRuleButton } from './delete-rule-button';
import { RuleHistory } from './rule-history';

const stateClass: Record<string, string | undefined> = {
  firing: styles.stateFiring,
  pending: styles.statePending,
  resolved: styles.stateResolved,
  ok: styles.stateOk,
  no_data: styles.stateNoData,
};

export function RuleCard({ rule, canEdit }: { rule: AlertRuleWithHistory; canEdit: boolean }) {
  const headingId = `rule-${rule.id}-name`;
  return (
    <li id={`rule-${rule.id}`} className={`panel ${styles.rule}`} aria-labelledby={headingId}>
      <div className={styles.ruleHead}>
        <h3 id={headingId}>{rule.name}</h3>
        <div className={styles.actions}>
          <span className={`badge ${styles[`severity-${rule.severity}`] ?? ''}`}>{rule.severity}</span>
          <span className="badge">{rule.enabled ? 'enabled' : 'disabled'}</span>
          {rule.mutedUntil ? (
            <span className="badge">
              muted until <time dateTime={rule.mutedUntil}>{formatUtc(Date.parse(rule.mutedUntil))}</time>
            </span>
          ) : null}
          {canEdit ? (
            <>
              <Link href={`/alerts/${encodeURIComponent(rule.id)}/edit`} aria-label={`Edit rule ${rule.name}`}>
                Edit
              </Link>
              <DeleteRuleButton ruleId={rule.id} ruleName={rule.name} />
            </>
          ) : null}
        </div>
      </div>
      <p className={styles.ruleSummary}>{rule.summary}</p>
      <dl className={styles.ruleFacts}>
        <div>
          <dt>Scope</dt>
          <dd>{rule.scope}</dd>
        </div>
        <div>
          <dt>Needs</dt>
          <dd>{rule.minimum}</dd>
        </div>
        <div>
          <dt>States</dt>
          <dd>
            {rule.counts.length === 0
              ? 'not evaluated yet'
              : rule.counts.map((c, i) => (
                  <span key={c.state}>
                    {i > 0 ? ', ' : ''}
                    <span className={stateClass[c.state]}>
                      {c.n} {stateLabels[c.state]}
                    </span>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>Notifies</dt>
          <dd>{rule.channels.length === 0 ? 'no channel (shown here only)' : rule.channels.join(', ')}</dd>
        </div>
      </dl>
      <RuleHistory ruleId={rule.id} metric={rule.metric} events={rule.events} deliveries={rule.deliveries} />
    </li>
  );
}
