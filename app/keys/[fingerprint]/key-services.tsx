// The services that used a key in the range: several services on one key share its rate limit.
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';
import type { ServiceUsage } from '@/lib/db/queries/list-key-services';
import styles from './key.module.css';

export function KeyServices({ services }: { services: ServiceUsage[] }) {
  if (services.length === 0) return <p className="muted">No service used this key in this range.</p>;
  return (
    <div className="table-wrap">
      <table aria-labelledby="key-services-heading">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className={styles.numeric}>
              Calls
            </th>
            <th scope="col" className={styles.numeric}>
              Error %
            </th>
          </tr>
        </thead>
        <tbody>
          {services.map((s) => (
            <tr key={s.service}>
              <td>{s.service}</td>
              <td className={styles.numeric}>{formatCount(s.total)}</td>
              <td className={styles.numeric}>{formatShare(s.errors, s.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
