// Everything the setup panel of an empty dashboard shows: the OTLP endpoint, where the
// ingest token comes from (with the display prefixes of stored ones) and the snippets.
import type { Database } from '@/lib/db/client';
import { listTokenPrefixes, type TokenPrefix } from '@/lib/db/queries/list-token-prefixes';
import { getEnv } from '@/lib/env';
import { prepareSetupSnippets, publicBaseUrl, type SetupSnippets } from './prepare-setup-snippets';

export interface SetupInfo extends SetupSnippets {
  /** FAULTLINE_INGEST_TOKEN is set (its value is never shown, not even in part). */
  tokenFromEnvironment: boolean;
  /** Active stored ingest tokens, e.g. the one printed at first start (their display prefixes). */
  storedTokens: TokenPrefix[];
}

export async function getSetupInfo(db: Database): Promise<SetupInfo> {
  const env = getEnv();
  const storedTokens = await listTokenPrefixes(db, 'ingest');
  return {
    ...prepareSetupSnippets(publicBaseUrl(env.FAULTLINE_PUBLIC_URL, env.PORT)),
    tokenFromEnvironment: Boolean(env.FAULTLINE_INGEST_TOKEN),
    storedTokens,
  };
}
