'use client';
// The create/edit form of an alert rule: every field of the rule, labelled, in the units a
// person thinks in (percent, minutes, UTC), each problem shown next to its field, and a live
// preview of the metric against the threshold.
import Link from 'next/link';
import { type ReactNode, useActionState, useRef, useState } from 'react';
import { type AlertRuleFormValues, noEnvironment } from '@/lib/dashboard/alerts/alert-rule-form';
import type { AlertFormOptions } from '@/lib/dashboard/alerts/load-alert-form-options';
import type { AlertPreviewResult } from '@/lib/dashboard/alerts/load-alert-preview';
import type { AlertRuleFormState } from './actions';
import styles from './alerts.module.css';
import { Field, fieldId, type InputProps } from './rule-form-field';
import { RulePreviewChart } from './rule-preview-chart';
import { useRulePreview } from './use-rule-preview';

export interface RuleFormProps {
  /** The save action, bound to the rule's id (null for a new rule). */
  action: (previous: AlertRuleFormState, form: FormData) => Promise<AlertRuleFormState>;
  preview: (form: FormData) => Promise<AlertPreviewResult>;
  initial: AlertRuleFormValues;
  options: AlertFormOptions;
  submitLabel: string;
}

const initialState: AlertRuleFormState = { status: 'idle', message: '', fieldErrors: {}, version: 0 };
const unitOf: Record<string, string> = { rate: '%', count: 'calls', p95_latency: 'ms' };

export function RuleForm({ action, preview, initial, options, submitLabel }: RuleFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const values = state.values ?? initial;
  const errorList = Object.entries(state.fieldErrors);
  return (
    <form action={formAction} className={styles.ruleForm} noValidate aria-describedby={state.message ? 'rule-form-message' : undefined}>
      {/* Keyed by the answer, so after a failed save the inputs start from what was typed. */}
      <RuleFields key={state.version} values={values} errors={state.fieldErrors} options={options} preview={preview} />
      <div className={styles.formActions}>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <Link href="/alerts">Cancel</Link>
      </div>
      {state.status === 'error' ? (
        <div id="rule-form-message" role="alert" className={styles.formError}>
          <p>{state.message}</p>
          {errorList.length > 0 ? (
            <ul>
              {errorList.map(([field, messages]) => (
                <li key={field}>
                  <a href={`#${fieldId(field)}`}>{fieldTitles[field.replace(/^channels\.\d+\./, 'channels.')] ?? (field || 'Rule')}</a>: {messages.join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

const fieldTitles: Record<string, string> = {
  name: 'Name',
  severity: 'Severity',
  enabled: 'Enabled',
  metric: 'Metric',
  codes: 'Status codes',
  comparator: 'Comparator',
  threshold: 'Threshold',
  recoveryThreshold: 'Recovery threshold',
  windowMinutes: 'Window',
  minRequests: 'Minimum calls',
  forMinutes: 'For',
  noDataState: 'With too few calls',
  service: 'Service',
  environment: 'Environment',
  endpoint: 'Endpoint',
  key: 'API key',
  each: 'One alert per',
  'channels.url': 'Channel URL',
  'channels.type': 'Channel type',
  channels: 'Channels',
  renotifyMinutes: 'Re-notify every',
  mutedUntil: 'Mute until',
};

interface RuleFieldsProps {
  values: AlertRuleFormValues;
  errors: Record<string, string[]>;
  options: AlertFormOptions;
  preview: RuleFormProps['preview'];
}

function RuleFields({ values, errors, options, preview }: RuleFieldsProps) {
  const [metric, setMetric] = useState(values.metric);
  const [each, setEach] = useState(values.each);
  const [channels, setChannels] = useState(() =>
    (values.channels.length ? values.channels : [{ type: 'webhook', url: '' }]).map((c, i) => ({ ...c, rowKey: i })),
  );
  const nextRowKey = useRef(channels.length);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const previewState = useRulePreview(fieldsRef, preview);
  const services = withCurrent(options.services, values.service);
  const environments = withCurrent(options.environments, values.environment === noEnvironment ? '' : values.environment);

  const field = (name: string, label: string, input: (props: InputProps) => ReactNode, help?: string, wide = false) => (
    <Field name={name} label={label} errors={errors[name]} help={help} wide={wide} input={input} />
  );

  return (
    <div ref={fieldsRef} className={styles.formBody} onChange={previewState.schedule}>
      <fieldset className={styles.fieldset}>
        <legend>Rule</legend>
        {field('name', 'Name', (p) => <input {...p} name="name" defaultValue={values.name} maxLength={200} placeholder="Throttling per key" />, undefined, true)}
        {field('severity', 'Severity', (p) => (
          <select {...p} name="severity" defaultValue={values.severity}>
            <option value="info">info</option>
            <option value="warning">warning</option>
            <option value="critical">critical</option>
          </select>
        ))}
        <div className={styles.checkField}>
          <input id="rule-enabled" type="checkbox" name="enabled" defaultChecked={values.enabled} />
          <label htmlFor="rule-enabled">Enabled (evaluated and notifying)</label>
        </div>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Condition</legend>
        {field('metric', 'Metric', (p) => (
          <select {...p} name="metric" defaultValue={values.metric} onChange={(e) => setMetric(e.target.value)}>
            <option value="rate">Rate: share of calls with these statuses</option>
            <option value="count">Count: calls with these statuses</option>
            <option value="p95_latency">p95 latency</option>
          </select>
        ))}
        {field(
          'codes',
          'Status codes',
          (p) => <input {...p} name="codes" defaultValue={values.codes} disabled={metric === 'p95_latency'} placeholder="429, 5xx" />,
          metric === 'p95_latency' ? 'Not used for latency.' : 'Codes or classes, separated by commas: 429, 401, 5xx, network.',
        )}
        {field('comparator', 'Comparator', (p) => (
          <select {...p} name="comparator" defaultValue={values.comparator}>
            <option value=">">&gt; above</option>
            <option value=">=">&gt;= at or above</option>
            <option value="<">&lt; below</option>
            <option value="<=">&lt;= at or below</option>
          </select>
        ))}
        {field(`threshold`, `Threshold (${unitOf[metric] ?? ''})`, (p) => <input {...p} name="threshold" inputMode="decimal" defaultValue={values.threshold} />)}
        {field(
          'recoveryThreshold',
          `Recovery threshold (${unitOf[metric] ?? ''})`,
          (p) => <input {...p} name="recoveryThreshold" inputMode="decimal" defaultValue={values.recoveryThreshold} />,
          'Optional: a firing alert resolves only once back past this.',
        )}
        {field('windowMinutes', 'Window (minutes)', (p) => <input {...p} name="windowMinutes" inputMode="decimal" defaultValue={values.windowMinutes} />)}
        {field('minRequests', 'Minimum calls in the window', (p) => <input {...p} name="minRequests" inputMode="numeric" defaultValue={values.minRequests} />)}
        {field(
          'forMinutes',
          'For (minutes)',
          (p) => <input {...p} name="forMinutes" inputMode="decimal" defaultValue={values.forMinutes} />,
          'How long the condition must hold before the alert fires.',
        )}
        {field('noDataState', 'With too few calls', (p) => (
          <select {...p} name="noDataState" defaultValue={values.noDataState}>
            <option value="ok">treat as healthy</option>
            <option value="keep">keep the previous state</option>
          </select>
        ))}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Scope</legend>
        {field('service', 'Service', (p) => (
          <select {...p} name="service" defaultValue={values.service}>
            <option value="">Any service</option>
            {services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        ))}
        {field('environment', 'Environment', (p) => (
          <select {...p} name="environment" defaultValue={values.environment}>
            <option value="">Any environment</option>
            {environments.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
            <option value={noEnvironment}>Calls without an environment</option>
          </select>
        ))}
        {field(
          'endpoint',
          'Endpoint id',
          (p) => <input {...p} name="endpoint" list="rule-endpoint-options" defaultValue={values.endpoint} placeholder="any endpoint" />,
          'Optional; suggestions are endpoints called in the last week.',
        )}
        <datalist id="rule-endpoint-options">
          {options.endpoints.map((e) => (
            <option key={e.id} value={e.id} label={e.label} />
          ))}
        </datalist>
        {field(
          'key',
          'API key fingerprint',
          (p) => <input {...p} name="key" list="rule-key-options" defaultValue={values.key} placeholder="any key" />,
          'Optional; suggestions are keys seen in the last week.',
        )}
        <datalist id="rule-key-options">
          {options.keys.map((k) => (
            <option key={k.fingerprint} value={k.fingerprint} label={k.label} />
          ))}
        </datalist>
        {field('each', 'One alert per', (p) => (
          <select {...p} name="each" defaultValue={values.each} onChange={(e) => setEach(e.target.value)}>
            <option value="">none: one alert for the whole scope</option>
            <option value="key">API key</option>
            <option value="endpoint">endpoint</option>
          </select>
        ))}
      </fieldset>

      <section className={styles.previewSection} aria-labelledby="rule-preview-heading">
        <h2 id="rule-preview-heading">Preview</h2>
        <p className="muted" role="status">
          {previewState.loading ? 'Updating the preview…' : previewState.result && !previewState.result.ok ? previewState.result.message : ''}
        </p>
        {previewState.result?.ok ? <RulePreviewChart preview={previewState.result.preview} each={each} /> : null}
      </section>

      <fieldset className={styles.fieldset}>
        <legend>Notifications</legend>
        {channels.map((channel, row) => (
          <div key={channel.rowKey} className={styles.channelRow}>
            {field(`channels.${row}.type`, `Channel ${row + 1} type`, (p) => (
              <select {...p} name={`channels.${row}.type`} defaultValue={channel.type}>
                <option value="webhook">Webhook (JSON POST)</option>
                <option value="slack">Slack-compatible</option>
              </select>
            ))}
            {field(`channels.${row}.url`, `Channel ${row + 1} URL`, (p) => (
              <input {...p} name={`channels.${row}.url`} type="url" defaultValue={channel.url} placeholder="https://hooks.example/faultline" className={styles.urlInput} />
            ))}
            <button type="button" onClick={() => setChannels((list) => list.filter((c) => c.rowKey !== channel.rowKey))} aria-label={`Remove channel ${row + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            onClick={() => {
              nextRowKey.current += 1;
              setChannels((list) => [...list, { type: 'webhook', url: '', rowKey: nextRowKey.current }]);
            }}
          >
            Add channel
          </button>
        </div>
        {field(
          'renotifyMinutes',
          'Re-notify every (minutes)',
          (p) => <input {...p} name="renotifyMinutes" inputMode="numeric" defaultValue={values.renotifyMinutes} />,
          'Optional: remind while still firing. Empty: one notice per episode.',
        )}
        {field(
          'mutedUntil',
          'Mute until (UTC)',
          (p) => <input {...p} name="mutedUntil" type="datetime-local" defaultValue={values.mutedUntil} />,
          'Optional: states still change, but nothing is sent until then.',
        )}
      </fieldset>
    </div>
  );
}

function withCurrent(list: readonly string[], current: string): string[] {
  return current && !list.includes(current) ? [...list, current] : [...list];
}
