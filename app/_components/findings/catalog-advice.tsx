// One entry of the advice catalog as a reader sees it: meaning, likely causes, what to check,
// the fix and a corrected request.
import type { AdviceEntry } from '@/lib/advice/advice-entry';
import styles from './findings.module.css';

export interface CatalogAdviceProps {
  entry: AdviceEntry;
  /** Level of its sub-headings, one below the heading it sits under. */
  level: 3 | 4 | 5;
}

export function CatalogAdvice({ entry, level }: CatalogAdviceProps) {
  const H = `h${level}` as const;
  return (
    <div className={styles.catalog}>
      <p>
        <strong>{entry.title}.</strong> {entry.meaning}
      </p>
      <H>Likely causes</H>
      <ul>
        {entry.causes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <H>What to check</H>
      <ul>
        {entry.checks.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <H>Fix</H>
      <p>{entry.fix}</p>
      {entry.example ? (
        <>
          <H>Example</H>
          {entry.example.wrong ? (
            <>
              <p className={styles.exampleLabel}>Instead of</p>
              <pre className={`mono ${styles.pre}`}>
                <code>{entry.example.wrong}</code>
              </pre>
              <p className={styles.exampleLabel}>send</p>
            </>
          ) : null}
          <pre className={`mono ${styles.pre}`}>
            <code>{entry.example.right}</code>
          </pre>
        </>
      ) : null}
    </div>
  );
}
