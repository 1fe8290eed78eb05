'use client';
// The tabs of /settings, the current one marked for screen readers and by its style.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './settings.module.css';

const tabs = [
  { href: '/settings/users', label: 'Users' },
  { href: '/settings/tokens', label: 'Tokens' },
] as const;

export function SettingsTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings" className={styles.tabs}>
      {tabs.map((tab) => {
        const current = pathname === tab.href || pathname.startsWith(`${tab.href}/`);
        return (
          <Link key={tab.href} href={tab.href} aria-current={current ? 'page' : undefined} className={current ? styles.currentTab : styles.tab}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
