// One diagnosis finding with its evidence: status and confidence in words, the service, key and
// endpoint it concerns (as links), when, the facts and figures, example calls, the fix, a link
// to every call behind it, and the general advice for its status.
import Link from 'next/link';
import type { DashboardView } from '@/lib/dashboard/dashboard-view';
import { type PrepareFindingCardOptions, prepareFindingCard, type ScopeLink } from '@/lib/dashboard/problems/prepare-finding-card';
import type { Finding } from '@/lib/diagnose/finding';
import { CatalogAdvice } from './catalog-advice';
import styles from './findings.module.css';

export interface FindingCardProps {
  finding: Finding;
  view: DashboardView;
  /** The level of the card's title; its own sub-headings sit one below. */
  level?: 2 | 3;
  endpointLabels?: PrepareFindingCardOptions['endpointLabels'];
}

function groupScope(links: ScopeLink[]): [string, ScopeLink[]][] {
  const groups = new Map<string, ScopeLink[]>();
  for (const link of links) groups.set(link.name, [...(groups.get(link.name) ?? []), link]);
  return [...groups];
}

export function FindingCard({ finding, view, level = 3, endpointLabels }: FindingCardProps) {
  const card = prepareFindingCard(finding, view, { endpointLabels });
  const H = `h${level}` as const;
  const Sub = `h${level + 1}` as 'h3' | 'h4';
  const titleId = `${card.anchor}-title`;
  return (
    <article id={card.anchor} className={`panel ${styles.card}`} aria-labelledby={titleId} data-code={card.code}>
      <div className={styles.head}>
        <span className={`badge status-${card.statusClass}`}>{card.statusText}</span>
        <H id={titleId} className={styles.title}>
          {card.title}
        </H>
      </div>
      <p className={styles.meta}>
        <span className={styles.confidence}>{card.confidence.label}</span>: {card.confidence.explanation}. Rule{' '}
        <span className="mono">{card.code}</span>
      </p>
      <dl className={styles.scope}>
        {groupScope(card.scope).map(([name, links]) => (
          <div key={name}>
            <dt>{name}</dt>
            {links.map((link) => (
              <dd key={`${link.kind}:${link.text}`} className={link.mono ? 'mono' : undefined}>
                {link.href ? <Link href={link.href}>{link.text}</Link> : link.text}
              </dd>
            ))}
          </div>
        ))}
      </dl>
      <dl className={styles.when}>
        <div>
          <dt>Calls</dt>
          <dd>{card.calls.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Since</dt>
          <dd>
            <time dateTime={card.sinceIso}>{card.since}</time>
          </dd>
        </div>
        <div>
          <dt>Until</dt>
          <dd>
            <time dateTime={card.untilIso}>{card.until}</time>
          </dd>
        </div>
      </dl>
      {card.facts.length > 0 ? (
        <ul className={styles.facts}>
          {card.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      ) : null}
      {card.figures.length > 0 ? (
        <dl className={styles.figures}>
          {card.figures.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className={styles.fix}>
        <Sub className={styles.subhead}>Fix</Sub>
        <p>{card.advice}</p>
      </div>
      {card.examples.length > 0 ? (
        <div>
          <Sub className={styles.subhead}>Example calls</Sub>
          <ul className={styles.examples}>
            {card.examples.map((e) => (
              <li key={e.href}>
                <Link href={e.href}>{e.label}</Link> — {e.detail} <span className={`mono ${styles.trace}`}>trace {e.traceId}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className={styles.actions}>
        <Link href={card.callsHref} aria-describedby={titleId}>
          {card.callsText}
        </Link>
      </p>
      {card.catalog ? (
        <details className={styles.about}>
          <summary>About {card.statusText}</summary>
          <CatalogAdvice entry={card.catalog} level={level === 2 ? 4 : 5} />
        </details>
      ) : null}
    </article>
  );
}
