'use client';
// Keyboard care for the detail drawer: focus moves to its heading when it opens, Escape closes it.
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

export function DrawerKeyboard({ focusId, closeHref }: { focusId: string; closeHref: string }) {
  const router = useRouter();
  useEffect(() => {
    document.getElementById(focusId)?.focus();
  }, [focusId]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) router.push(closeHref, { scroll: false });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [closeHref, router]);
  return null;
}
