// The sampled calls of one service and key (optionally some endpoints, some statuses), found
// through an index built once per evidence instead of a scan of the whole sample per finding.
import type { DiagnosisEvidence, SampledCall } from './diagnosis-evidence';

export interface SampleSubject {
  service: string;
  key: string;
  /** Calls to these endpoints only; all of the service's and key's calls when absent. */
  endpointIds?: readonly string[];
  /** Calls with one of these statuses only. */
  statuses?: readonly number[];
}

type Index = Map<string, SampledCall[]>;

const indexes = new WeakMap<readonly SampledCall[], Index>();

function indexOf(calls: readonly SampledCall[]): Index {
  const cached = indexes.get(calls);
  if (cached) return cached;
  const index: Index = new Map();
  for (const call of calls) {
    const pair = `${call.service}\n${call.key}`;
    const list = index.get(pair);
    if (list) list.push(call);
    else index.set(pair, [call]);
  }
  indexes.set(calls, index);
  return index;
}

function select(calls: readonly SampledCall[], subject: SampleSubject): SampledCall[] {
  const all = indexOf(calls).get(`${subject.service}\n${subject.key}`) ?? [];
  const endpoints = subject.endpointIds ? new Set(subject.endpointIds) : null;
  const statuses = subject.statuses ? new Set(subject.statuses) : null;
  return all.filter((c) => (!endpoints || endpoints.has(c.endpointId)) && (!statuses || statuses.has(c.statusCode)));
}

/** Sampled failed calls of the subject. */
export function sampledFailuresOf(evidence: DiagnosisEvidence, subject: SampleSubject): SampledCall[] {
  return select(evidence.failures, subject);
}

/** Timing-sample calls (any status) of the subject. */
export function sampledContextOf(evidence: DiagnosisEvidence, subject: SampleSubject): SampledCall[] {
  return select(evidence.context, subject);
}
