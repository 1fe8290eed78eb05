// The overview's "Top problems": the most important findings of the view, one line each, linking
// to the finding on /problems and to the calls behind it.
import Link from 'next/link';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { prepareFindingCard } from '@/lib/dashboard/problems/prepare-finding-card';
import { summarizeFindingScope } from '@/lib/dashboard/problems/summarize-finding-scope';
import { summarizeTopProblems } from '@/lib/dashboard/problems/summarize-top-problems';
import type { Finding } from '@/lib/diagnose/finding';
import styles from './findings.module.css';

export interface TopProblemsProps {
  findings: readonly Finding[];
  view: DashboardView;
}

export function TopProblems({ findings, view }: TopProblemsProps) {
  const { shown, more } = summarizeTopProblems(findings);
  const problemsHref = `/problems${viewQuery(view)}`;
  return (
    <section className={styles.top} aria-labelledby="top-problems-heading">
      <div className={styles.topHead}>
        <h2 id="top-problems-heading">Top problems</h2>
        {shown.length > 0 ? <Link href={problemsHref}>{more > 0 ? `All ${findings.length} problems` : 'All problems'}</Link> : null}
      </div>
      {shown.length === 0 ? (
        <p className={styles.empty}>No problems found in this range.</p>
      ) : (
        <ol className={styles.topList}>
          {shown.map((f, i) => {
            const card = prepareFindingCard(f, view);
            const titleId = `top-problem-${i}`;
            const where = summarizeFindingScope(f);
            return (
              <li key={card.anchor} className={styles.topItem} data-code={card.code}>
                <span>
                  <span className={`badge status-${card.statusClass}`}>{card.statusText}</span>
                </span>
                <span>
                  <Link id={titleId} href={`${problemsHref}#${card.anchor}`} className={styles.topTitle}>
                    {card.title}
                  </Link>
                  <span className={styles.topMeta}>
                    {card.confidence.label}
                    {where ? ` · ${where}` : ''}
                  </span>
                </span>
                <Link href={card.callsHref} className={styles.topCalls} aria-describedby={titleId}>
                  {card.callsText}
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
