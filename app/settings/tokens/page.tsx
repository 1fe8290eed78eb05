// /settings/tokens — ingest and API tokens: create one (shown once), see each by name, kind,
// access, display prefix and last use, revoke one. Admins only.
import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/current-user';
import { listEnvironmentTokens, listTokens, type TokenSummary } from '@/lib/auth/manage-tokens';
import { maxTokenNameLength } from '@/lib/auth/schemas/token-request-schema';
import { formatUtc } from '@/lib/dashboard/format-figures';
import { getDatabase } from '@/lib/db/client';
import { revokeTokenAction } from './actions';
import { CreateTokenForm } from './create-token-form';
import { RevokeTokenButton } from './revoke-token-button';
import styles from './tokens.module.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Tokens · Settings · Faultline' };

const accessText = { read: 'read', 'read-write': 'read-write' } as const;

function Time({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatUtc(Date.parse(iso))}</time>;
}

function TokenRow({ token }: { token: TokenSummary }) {
  return (
    <tr className={token.revokedAt ? styles.revoked : undefined}>
      <td>
        {token.name}
        {token.bootstrap ? <span className={styles.bootstrap}>(generated on first start)</span> : null}
      </td>
      <td className={styles.nowrap}>{token.kind === 'api' ? 'API' : 'Ingest'}</td>
      <td className={styles.nowrap}>{token.access ? accessText[token.access] : 'send spans'}</td>
      <td className={`mono ${styles.nowrap}`}>{token.prefix}</td>
      <td className={styles.nowrap}>
        <Time iso={token.createdAt} />
      </td>
      <td className={styles.nowrap} title="Updated at most once a minute">
        {token.lastUsedAt ? <Time iso={token.lastUsedAt} /> : 'never'}
      </td>
      <td>
        {token.revokedAt ? (
          <>
            Revoked <Time iso={token.revokedAt} />
          </>
        ) : (
          <RevokeTokenButton action={revokeTokenAction.bind(null, token.id)} tokenName={token.name} />
        )}
      </td>
    </tr>
  );
}

export default async function TokensPage() {
  await requireAdmin();
  const tokens = await listTokens(getDatabase());
  const environmentTokens = listEnvironmentTokens();
  return (
    <>
      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Tokens</h2>
        <p className={styles.intro}>
          Ingest tokens only send spans to <code>/v1/traces</code>; API tokens only read <code>/api/v1</code>, and read-write ones may also
          change labels and alert rules. Faultline stores a token&apos;s hash, never the token: it is shown once, when created. A revoked
          token is refused from its next request. &ldquo;Last used&rdquo; is updated at most once a minute.
        </p>
        <div className="table-wrap">
          <table aria-labelledby="tokens-heading">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Access</th>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {environmentTokens.map((t) => (
                <tr key={t.variable} className={styles.note}>
                  <td colSpan={7}>{t.note}</td>
                </tr>
              ))}
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
              {tokens.length === 0 && environmentTokens.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    No tokens yet.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      </section>
      <section className={styles.section} aria-labelledby="create-token-heading">
        <h2 id="create-token-heading">Create a token</h2>
        <CreateTokenForm maxNameLength={maxTokenNameLength} />
      </section>
    </>
  );
}
