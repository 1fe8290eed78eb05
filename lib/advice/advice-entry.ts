// The shape of one entry of the troubleshooting catalog: what a status means for a client,
// why it usually happens, what to check, and how to fix it.

export interface AdviceEntry {
  /** "401", … or "5xx". */
  status: string;
  title: string;
  /** What the status means, in one or two sentences. */
  meaning: string;
  causes: string[];
  checks: string[];
  fix: string;
  /** A corrected request, where one helps (e.g. the Authorization header in Bearer form). */
  example?: { wrong?: string; right: string };
}
