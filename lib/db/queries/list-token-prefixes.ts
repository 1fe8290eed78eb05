// The display prefixes of the active tokens of one kind (never their hashes), so the setup
// panel can say which stored ingest token to use.
import type { Database } from '../client';

export interface TokenPrefix {
  name: string;
  /** e.g. "fl_ingest_Ab3x…": enough to recognise the token, useless without the rest. */
  prefix: string;
  createdAt: Date;
}

export async function listTokenPrefixes(db: Database, kind: 'ingest' | 'api'): Promise<TokenPrefix[]> {
  return db.prisma.token.findMany({
    where: { kind, revokedAt: null },
    select: { name: true, prefix: true, createdAt: true },
    orderBy: { id: 'asc' },
  });
}
