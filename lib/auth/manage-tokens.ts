// Ingest and API tokens as an admin manages them (/settings/tokens, /api/v1/tokens): create
// one (its plaintext is returned once and never stored: only its SHA-256 and display prefix
// are), list them, revoke one. Authentication looks stored tokens up on every request, so a
// revocation takes effect on the next request. The environment's bootstrap tokens are not in
// the database; listEnvironmentTokens says which are set, since only the environment can
// revoke them.
//
// lastUsedAt is written at most once a minute per token per server process
// (lib/auth/authenticate-bearer.ts): it says "in use lately", not the exact last request.
import type { Database } from '@/lib/db/client';
import { findTokenRow, insertToken, listTokenRows, revokeTokenRow, type TokenRow } from '@/lib/db/tokens';
import { getEnv } from '@/lib/env';
import { generateToken, hashToken, type TokenKind, tokenDisplayPrefix } from './hash-token';
import { bootstrapTokenNames, tokenRequestSchema } from './schemas/token-request-schema';

export type TokenAccess = 'read' | 'read-write';

export interface TokenSummary {
  id: number;
  name: string;
  kind: TokenKind;
  /** API tokens; null for ingest tokens, which can only send spans. */
  access: TokenAccess | null;
  /** e.g. "fl_api_Ab3x…": enough to recognise the token, useless without the rest. */
  prefix: string;
  /** Generated on first start (bootstrap-ingest, bootstrap-api). */
  bootstrap: boolean;
  createdAt: string;
  /** Updated at most once a minute per server process. */
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface EnvironmentToken {
  variable: 'FAULTLINE_INGEST_TOKEN' | 'FAULTLINE_API_TOKEN';
  kind: TokenKind;
  access: TokenAccess | null;
  note: string;
}

export type FieldErrors = Record<string, string[]>;

export type CreateTokenResult =
  | { ok: true; token: TokenSummary; plaintext: string }
  | { ok: false; message: string; fieldErrors: FieldErrors };

export type RevokeTokenResult = { ok: true; token: TokenSummary; alreadyRevoked: boolean } | { ok: false; notFound: true };

export async function createToken(db: Database, input: unknown, now = new Date()): Promise<CreateTokenResult> {
  const parsed = tokenRequestSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.join('.');
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
    const message = Object.entries(fieldErrors)
      .map(([field, problems]) => (field ? `${field}: ${problems.join('; ')}` : problems.join('; ')))
      .join('; ');
    return { ok: false, message, fieldErrors };
  }
  const { name, kind, canWrite } = parsed.data;
  const plaintext = generateToken(kind);
  const row = await insertToken(db, { name, kind, canWrite, tokenHash: hashToken(plaintext), prefix: tokenDisplayPrefix(plaintext), createdAt: now });
  if (!row) {
    const problem = `a token named "${name}" already exists (names stay taken after revocation); choose another name`;
    return { ok: false, message: `name: ${problem}`, fieldErrors: { name: [problem] } };
  }
  return { ok: true, token: toSummary(row), plaintext };
}

/** Active tokens newest first, then the revoked ones newest first. */
export async function listTokens(db: Database): Promise<TokenSummary[]> {
  const rows = (await listTokenRows(db)).map(toSummary);
  return [...rows.filter((t) => t.revokedAt === null), ...rows.filter((t) => t.revokedAt !== null)];
}

export async function getToken(db: Database, id: number): Promise<TokenSummary | null> {
  const row = await findTokenRow(db, id);
  return row ? toSummary(row) : null;
}

/** Revokes a token for good; revoking it again changes nothing (the first time stays). */
export async function revokeToken(db: Database, id: number, now = new Date()): Promise<RevokeTokenResult> {
  const before = await findTokenRow(db, id);
  if (!before) return { ok: false, notFound: true };
  if (before.revokedAt) return { ok: true, token: toSummary(before), alreadyRevoked: true };
  const after = await revokeTokenRow(db, id, now);
  if (!after) return { ok: false, notFound: true };
  return { ok: true, token: toSummary(after), alreadyRevoked: false };
}

/** The bootstrap tokens set in the environment: valid, unlisted, revocable only there. */
export function listEnvironmentTokens(): EnvironmentToken[] {
  const env = getEnv();
  const tokens: EnvironmentToken[] = [];
  if (env.FAULTLINE_INGEST_TOKEN) tokens.push(environmentToken('FAULTLINE_INGEST_TOKEN', 'ingest', null));
  if (env.FAULTLINE_API_TOKEN) tokens.push(environmentToken('FAULTLINE_API_TOKEN', 'api', 'read-write'));
  return tokens;
}

function environmentToken(variable: EnvironmentToken['variable'], kind: TokenKind, access: TokenAccess | null): EnvironmentToken {
  return { variable, kind, access, note: `${variable} is set in the environment: remove it there to revoke it` };
}

function toSummary(row: TokenRow): TokenSummary {
  const kind: TokenKind = row.kind === 'api' ? 'api' : 'ingest';
  return {
    id: row.id,
    name: row.name,
    kind,
    access: kind === 'api' ? (row.canWrite ? 'read-write' : 'read') : null,
    prefix: row.prefix,
    bootstrap: (bootstrapTokenNames as readonly string[]).includes(row.name),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
