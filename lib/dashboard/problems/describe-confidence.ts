// How a finding's confidence reads: a word a person can weigh, never a bare colour or level code.
import type { Confidence } from '@/lib/diagnose/finding';

export interface ConfidenceText {
  /** "High confidence". */
  label: string;
  /** What that level means for the reader. */
  explanation: string;
}

const texts: Readonly<Record<Confidence, ConfidenceText>> = {
  high: { label: 'High confidence', explanation: 'the evidence leaves no other reading' },
  medium: { label: 'Medium confidence', explanation: 'the evidence points this way, but another cause could fit' },
  low: { label: 'Low confidence', explanation: 'a hint worth checking, not a certainty' },
};

export function describeConfidence(confidence: Confidence): ConfidenceText {
  return texts[confidence];
}
