'use client';
// The time range picker and filters shared by every page. A plain GET form, so the view is
// always the URL (shareable, back button works); choosing a preset applies it at once.
import { usePathname, useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';

export interface ViewControlsProps {
  range: string;
  /** ISO times of the current range (used to prefill the custom inputs). */
  fromIso: string;
  toIso: string;
  service?: string;
  environment?: string;
  services: string[];
  environments: string[];
  /** Filters set elsewhere (from a table link), shown as removable chips. */
  pinned: { name: 'endpoint' | 'key'; value: string; label: string }[];
  refresh?: 'on' | 'off';
  problems: string[];
  /** The page's own parameters, carried along as hidden fields. */
  keep?: Record<string, string | undefined>;
}

const ranges: [string, string][] = [
  ['15m', 'Last 15 minutes'],
  ['1h', 'Last hour'],
  ['6h', 'Last 6 hours'],
  ['24h', 'Last 24 hours'],
  ['7d', 'Last 7 days'],
  ['custom', 'Custom…'],
];

// <input type="datetime-local"> wants "YYYY-MM-DDTHH:MM" without a zone; the dashboard works in UTC.
const toLocalInput = (iso: string) => iso.slice(0, 16);

export function ViewControls(props: ViewControlsProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [range, setRange] = useState(props.range);

  const go = (form: HTMLFormElement) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form).entries()) {
      if (typeof value !== 'string' || value === '') continue;
      if ((name === 'from' || name === 'to') && range !== 'custom') continue;
      params.set(name, name === 'from' || name === 'to' ? `${value}:00Z` : value);
    }
    router.push(`${pathname}?${params.toString()}`);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go(event.currentTarget);
  };

  return (
    <form className="view-controls" method="get" onSubmit={onSubmit} aria-label="Time range and filters">
      <label>
        <span>Time range</span>
        <select
          name="range"
          value={range}
          onChange={(e) => {
            setRange(e.target.value);
            if (e.target.value !== 'custom' && e.target.form) {
              const form = e.target.form;
              // Let React commit the new value before reading the form.
              queueMicrotask(() => go(form));
            }
          }}
        >
          {ranges.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {range === 'custom' ? (
        <>
          <label>
            <span>From (UTC)</span>
            <input type="datetime-local" name="from" defaultValue={toLocalInput(props.fromIso)} required />
          </label>
          <label>
            <span>To (UTC)</span>
            <input type="datetime-local" name="to" defaultValue={toLocalInput(props.toIso)} required />
          </label>
        </>
      ) : null}
      <label>
        <span>Service</span>
        <select name="service" defaultValue={props.service ?? ''}>
          <option value="">All services</option>
          {props.services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Environment</span>
        <select name="environment" defaultValue={props.environment ?? ''}>
          <option value="">All environments</option>
          {props.environments
            .filter((e) => e !== '')
            .map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
        </select>
      </label>
      {props.pinned.map((pin) => (
        <span key={pin.name} className="chip">
          <input type="hidden" name={pin.name} value={pin.value} />
          {pin.name === 'endpoint' ? 'Endpoint' : 'Key'}: {pin.label}
          <button
            type="button"
            className="chip-remove"
            aria-label={`Remove the ${pin.name} filter`}
            onClick={(e) => {
              const form = e.currentTarget.form;
              e.currentTarget.parentElement?.querySelector('input')?.remove();
              if (form) go(form);
            }}
          >
            ×
          </button>
        </span>
      ))}
      {props.refresh ? <input type="hidden" name="refresh" value={props.refresh} /> : null}
      {Object.entries(props.keep ?? {}).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
      <button type="submit">Apply</button>
      {props.problems.map((p) => (
        <p key={p} role="status" className="notice">
          {p}
        </p>
      ))}
    </form>
  );
}
