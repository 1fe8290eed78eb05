// Headline figures as tiles: a label, the value, a detail line under it. A value that counts
// calls can link to them; a value that is a moment is a <time>. Each page lists its own tiles.
import Link from 'next/link';
import styles from './figure-tiles.module.css';

export interface FigureTile {
  label: string;
  value: string;
  detail: string;
  /** Where the value links to: the calls it counts. */
  href?: string;
  /** Set when the value is a moment (ISO-8601): it is marked up as such and set smaller than a count. */
  dateTime?: string;
}

/** `label` names the list for screen readers. */
export function FigureTiles({ tiles, label }: { tiles: FigureTile[]; label: string }) {
  return (
    <dl className="tiles" aria-label={label}>
      {tiles.map((tile) => (
        <div className="tile" key={tile.label}>
          <dt>{tile.label}</dt>
          <dd className={tile.dateTime ? styles.time : undefined}>
            {tile.href ? (
              <Link href={tile.href} aria-label={`${tile.value} calls with ${tile.label}: show them`}>
                {tile.value}
              </Link>
            ) : tile.dateTime ? (
              <time dateTime={tile.dateTime}>{tile.value}</time>
            ) : (
              tile.value
            )}
          </dd>
          <dd className={styles.detail}>{tile.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
