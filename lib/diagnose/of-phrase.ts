// "all 62" or "40 of 62": how facts state a part of a whole.
import { formatCount } from '@/lib/dashboard/format-figures';

export function ofPhrase(part: number, whole: number, options: { capital?: boolean } = {}): string {
  const text = part >= whole ? `all ${formatCount(whole)}` : `${formatCount(part)} of ${formatCount(whole)}`;
  return options.capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}
