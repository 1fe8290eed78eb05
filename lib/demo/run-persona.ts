// Entry point of one persona process (bundled to dist/demo/run-persona.mjs): starts Faultline's
// instrumentation like any application would, then plays the persona's rounds until stopped.
import { startFaultlineTelemetry } from '@/lib/instrument/start-faultline-telemetry';
import { findPersona } from './demo-personas';
import type { PersonaContext } from './persona';
import { personaConfigSchema, personaConfigVariable, type RoundReport } from './persona-config';
import { VoisoClient, type VoisoReply, type VoisoRequest } from './voiso-client';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const config = personaConfigSchema.parse(JSON.parse(process.env[personaConfigVariable] ?? '{}'));
  const persona = findPersona(config.service);
  if (!persona) throw new Error(`unknown demo persona "${config.service}"`);
  const { clusterUrls } = config;

  const telemetry = startFaultlineTelemetry({
    serviceName: persona.service,
    endpoint: config.endpoint,
    token: config.token,
    apiHosts: persona.clusters.map((cluster) => new URL(clusterUrls[cluster]).host),
    environment: persona.environment,
    exportDelayMs: config.exportDelayMs,
  });

  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);

  const client = new VoisoClient(clusterUrls, persona.transport);
  let statuses: Record<string, number> = {};
  const context: PersonaContext = {
    client,
    async call(request: VoisoRequest): Promise<VoisoReply> {
      try {
        const reply = await client.call(request);
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        return reply;
      } catch (error) {
        statuses.network = (statuses.network ?? 0) + 1;
        return { status: 0, body: String(error), retryAfterSeconds: null };
      }
    },
    sleep,
    random: Math.random,
  };

  while (!stopping) {
    await persona.round(context);
    const report: RoundReport = { service: persona.service, statuses };
    if (process.connected) process.send?.(report);
    statuses = {};
    // ±25% jitter, so the personas do not march in step.
    const pause = persona.everyMs * (0.75 + Math.random() * 0.5);
    for (let waited = 0; waited < pause && !stopping; waited += 100) await sleep(100);
  }
  await telemetry.shutdown();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`[demo] persona failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
