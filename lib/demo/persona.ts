// What a demo persona is: one application (one service.name) with one real integration mistake,
// run as its own process that calls the mock Voiso API through Faultline's instrumentation.
import type { ClusterId } from '@/lib/mock-voiso/voiso-clusters';
import type { Transport, VoisoClient, VoisoReply, VoisoRequest } from './voiso-client';

export interface PersonaContext {
  client: VoisoClient;
  /** Calls the API and records the outcome for the demo's progress line. */
  call(request: VoisoRequest): Promise<VoisoReply>;
  sleep(ms: number): Promise<void>;
  /** [0, 1). */
  random(): number;
}

export interface Persona {
  /** `service.name` of its spans. */
  service: string;
  /** The mistake it makes (or "none"), as printed when the demo starts. */
  mistake: string;
  /** `deployment.environment.name`. */
  environment: 'production' | 'staging';
  /** Which of node's HTTP clients the application uses. */
  transport: Transport;
  /** Clusters it calls: the demo traces exactly these hosts. */
  clusters: readonly ClusterId[];
  /** Average pause between two rounds of calls. */
  everyMs: number;
  /** One round of calls. */
  round(context: PersonaContext): Promise<void>;
}

/** Most personas are production apps calling Acme's cluster with fetch; they say only how they differ. */
export function definePersona(
  definition: Omit<Persona, 'environment' | 'transport' | 'clusters'> & Partial<Persona>,
): Persona {
  return { environment: 'production', transport: 'fetch', clusters: ['acme'], ...definition };
}

/** The id of the n-th item of a `{ data: [{ id }] }` list reply, if any. */
export function idAt(reply: VoisoReply, n: number): string | undefined {
  const data = (reply.body as { data?: { id?: unknown }[] } | null)?.data;
  const id = Array.isArray(data) ? data[n % Math.max(data.length, 1)]?.id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}
