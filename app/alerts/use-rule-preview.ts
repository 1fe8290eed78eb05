'use client';
// The preview of the rule being edited: fetched for the form's current values a moment after
// the last change, and only when a field that changes the chart changed; late answers to
// older values are dropped.
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { AlertPreviewResult } from '@/lib/dashboard/alerts/load-alert-preview';

/** The fields whose values change the chart; the name, channels and the like do not. */
const previewFields = ['metric', 'codes', 'comparator', 'threshold', 'recoveryThreshold', 'windowMinutes', 'minRequests', 'service', 'environment', 'endpoint', 'key', 'each'];

export function useRulePreview(fieldsRef: RefObject<HTMLDivElement | null>, preview: (form: FormData) => Promise<AlertPreviewResult>) {
  const [result, setResult] = useState<AlertPreviewResult | null>(null);
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  const lastSent = useRef('');

  const run = useCallback(async () => {
    const form = fieldsRef.current?.closest('form');
    if (!form) return;
    const data = new FormData(form);
    const signature = JSON.stringify(previewFields.map((name) => data.get(name)));
    if (signature === lastSent.current) return;
    lastSent.current = signature;
    const request = ++latest.current;
    setLoading(true);
    try {
      const answer = await preview(data);
      if (request === latest.current) setResult(answer);
    } catch {
      if (request === latest.current) setResult({ ok: false, message: 'The preview could not be loaded.' });
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, [fieldsRef, preview]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(run, 300);
  }, [run]);

  useEffect(() => {
    run();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [run]);

  return { result, loading, schedule };
}
