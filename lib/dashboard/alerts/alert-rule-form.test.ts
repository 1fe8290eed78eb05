import { describe, expect, it } from 'vitest';
import { alertRuleFieldErrors } from '@/lib/alerts/alert-rule-field-errors';
import { alertRuleRequestSchema } from '@/lib/alerts/schemas/alert-rule-request-schema';
import {
  type AlertRuleFormValues,
  alertRuleInputFromForm,
  alertRuleToFormValues,
  formFieldErrors,
  newAlertRuleFormValues,
  noEnvironment,
  parseCodes,
  readAlertRuleForm,
} from './alert-rule-form';

const values = (changes: Partial<AlertRuleFormValues>): AlertRuleFormValues => ({ ...newAlertRuleFormValues, name: 'Throttling per key', ...changes });

function formData(entries: [string, string][]): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('alertRuleInputFromForm', () => {
  it("turns the issue's example, as typed in the form, into the issue's example body", () => {
    const { input } = alertRuleInputFromForm(values({ each: 'key', channels: [{ type: 'webhook', url: ' https://hooks.example/x ' }] }));
    expect(alertRuleRequestSchema.parse(input)).toEqual(
      alertRuleRequestSchema.parse({
        name: 'Throttling per key',
        metric: 'rate',
        codes: [429],
        comparator: '>',
        threshold: 0.2,
        windowSeconds: 300,
        minRequests: 20,
        forSeconds: 120,
        scope: { each: 'key' },
        channels: [{ type: 'webhook', url: 'https://hooks.example/x' }],
        mutedUntil: null,
      }),
    );
  });

  it('converts percent, minutes and UTC times without floating-point noise', () => {
    const { input } = alertRuleInputFromForm(
      values({ threshold: '14.5', recoveryThreshold: '7', windowMinutes: '1.5', forMinutes: '0', renotifyMinutes: '60', mutedUntil: '2030-01-02T03:04' }),
    );
    expect(input).toMatchObject({ threshold: 0.145, recoveryThreshold: 0.07, windowSeconds: 90, forSeconds: 0, renotifySeconds: 3600, mutedUntil: '2030-01-02T03:04:00.000Z' });
  });

  it('keeps count and latency thresholds as typed, and sends no codes for latency', () => {
    expect(alertRuleInputFromForm(values({ metric: 'count', threshold: '50' })).input).toMatchObject({ threshold: 50, codes: [429] });
    expect(alertRuleInputFromForm(values({ metric: 'p95_latency', threshold: '800', codes: '429' })).input).toMatchObject({ threshold: 800, codes: [] });
  });

  it('leaves empty optional fields out and passes text that is not a number on for the schema to name', () => {
    const { input } = alertRuleInputFromForm(values({ recoveryThreshold: '', renotifyMinutes: ' ', minRequests: 'many' }));
    expect(input.recoveryThreshold).toBeUndefined();
    expect(input.renotifySeconds).toBeUndefined();
    expect(input.minRequests).toBe('many');
  });

  it('builds the scope from the filters, with the "no environment" choice as the empty environment', () => {
    expect(alertRuleInputFromForm(values({ service: 'billing', environment: noEnvironment, endpoint: ' ep1 ', each: 'key' })).input.scope).toEqual({
      service: 'billing',
      environment: '',
      endpoint: 'ep1',
      each: 'key',
    });
    expect(alertRuleInputFromForm(values({})).input.scope).toEqual({});
  });

  it('skips empty channel rows and remembers which row each channel came from', () => {
    const { input, channelRows } = alertRuleInputFromForm(
      values({ channels: [{ type: 'webhook', url: '' }, { type: 'slack', url: 'https://hooks.slack.example/T1' }, { type: 'webhook', url: 'ftp://x' }] }),
    );
    expect(input.channels).toEqual([
      { type: 'slack', url: 'https://hooks.slack.example/T1' },
      { type: 'webhook', url: 'ftp://x' },
    ]);
    expect(channelRows).toEqual([1, 2]);
  });
});

describe('parseCodes', () => {
  it('reads codes and classes separated by commas or spaces', () => {
    expect(parseCodes('429, 5XX network;401')).toEqual([429, '5xx', 'network', 401]);
    expect(parseCodes(' , ')).toEqual([]);
  });
});

describe('alertRuleToFormValues', () => {
  it('round-trips a stored rule through the form', () => {
    const rule = alertRuleRequestSchema.parse({
      name: 'Latency',
      metric: 'rate',
      codes: ['5xx', 503],
      comparator: '>=',
      threshold: 0.145,
      recoveryThreshold: 0.07,
      windowSeconds: 90,
      minRequests: 5,
      forSeconds: 0,
      noDataState: 'keep',
      scope: { service: 'billing', environment: '', key: 'fp_a', each: 'endpoint' },
      channels: [{ type: 'slack', url: 'https://hooks.slack.example/T1' }],
      renotifySeconds: 3600,
      mutedUntil: '2030-01-02T03:04:00.000Z',
      enabled: false,
      severity: 'critical',
    });
    const form = alertRuleToFormValues(rule);
    expect(form).toMatchObject({ codes: '5xx, 503', threshold: '14.5', recoveryThreshold: '7', windowMinutes: '1.5', environment: noEnvironment, mutedUntil: '2030-01-02T03:04' });
    expect(alertRuleRequestSchema.parse(alertRuleInputFromForm(form).input)).toEqual(rule);
  });
});

describe('readAlertRuleForm', () => {
  it('reads every input, the checkbox and the channel rows in row order', () => {
    const form = formData([
      ['name', 'Throttling'],
      ['metric', 'count'],
      ['threshold', '50'],
      ['channels.1.type', 'slack'],
      ['channels.1.url', 'https://b.example/'],
      ['channels.0.type', 'webhook'],
      ['channels.0.url', 'https://a.example/'],
      ['enabled', 'on'],
    ]);
    const read = readAlertRuleForm(form);
    expect(read).toMatchObject({ name: 'Throttling', metric: 'count', threshold: '50', codes: '', enabled: true });
    expect(read.channels).toEqual([
      { type: 'webhook', url: 'https://a.example/' },
      { type: 'slack', url: 'https://b.example/' },
    ]);
    expect(readAlertRuleForm(formData([['name', 'x']])).enabled).toBe(false);
  });
});

describe('formFieldErrors', () => {
  function errorsFor(form: AlertRuleFormValues) {
    const { input, channelRows } = alertRuleInputFromForm(form);
    const parsed = alertRuleRequestSchema.safeParse(input);
    if (parsed.success) throw new Error('expected invalid');
    return formFieldErrors(alertRuleFieldErrors(parsed.error, input), form, channelRows);
  }

  it('puts each problem on its input, in the units the form uses', () => {
    const form = values({
      name: '',
      threshold: '150',
      windowMinutes: '0.5',
      codes: 'teapot',
      each: 'key',
      key: 'fp_a',
      channels: [{ type: 'webhook', url: '' }, { type: 'webhook', url: 'ftp://x' }],
    });
    expect(errorsFor(form)).toEqual({
      name: ['name is required'],
      codes: ['a code class must be 1xx…5xx or network'],
      windowMinutes: ['the window must be a number of minutes from 1 to 1440 (one day)'],
      'channels.1.url': ['url must be an http or https URL'],
    });
    // The refinements run once the shape is right.
    expect(errorsFor(values({ threshold: '150', each: 'key', key: 'fp_a' }))).toEqual({
      threshold: ['a rate threshold is a percentage from 0 to 100'],
      each: ['each "key" cannot be combined with a key filter'],
    });
  });

  it('words the recovery threshold in percent for rates', () => {
    expect(errorsFor(values({ recoveryThreshold: '30' }))).toEqual({
      recoveryThreshold: ['the recovery threshold must be on the healthy side of the threshold (≤ 20%)'],
    });
  });
});
