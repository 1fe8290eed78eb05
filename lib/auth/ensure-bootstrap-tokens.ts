// On first start, makes sure an ingest and an API token exist. A token given in the
// environment is used as is; otherwise one is generated, stored hashed, and returned
// once so start-up can print it. Later starts cannot show it again (only its hash exists).
import type { Database } from '@/lib/db/client';
import { createNamedToken, hasToken } from '@/lib/db/tokens';
import { getEnv } from '@/lib/env';
import { generateToken, hashToken, type TokenKind, tokenDisplayPrefix } from './hash-token';

export type BootstrapToken =
  | { kind: TokenKind; source: 'environment' }
  | { kind: TokenKind; source: 'generated'; token: string }
  | { kind: TokenKind; source: 'stored' };

export async function ensureBootstrapTokens(db: Database): Promise<BootstrapToken[]> {
  const env = getEnv();
  const fromEnv: Record<TokenKind, string | undefined> = { ingest: env.FAULTLINE_INGEST_TOKEN, api: env.FAULTLINE_API_TOKEN };
  const result: BootstrapToken[] = [];
  for (const kind of ['ingest', 'api'] as const) {
    if (fromEnv[kind]) {
      result.push({ kind, source: 'environment' });
      continue;
    }
    const name = `bootstrap-${kind}`;
    if (await hasToken(db, name)) {
      result.push({ kind, source: 'stored' });
      continue;
    }
    const token = generateToken(kind);
    const created = await createNamedToken(db, {
      kind,
      name,
      tokenHash: hashToken(token),
      prefix: tokenDisplayPrefix(token),
      canWrite: kind === 'api',
    });
    result.push(created ? { kind, source: 'generated', token } : { kind, source: 'stored' });
  }
  return result;
}
