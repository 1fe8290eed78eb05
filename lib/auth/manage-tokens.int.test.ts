// Creating, listing and revoking tokens against a real database: the plaintext is returned
// once and never stored, names are unique, revoked tokens sort below and stay revoked.
import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { findActiveTokenByHash } from '@/lib/db/tokens';
import { dumpAllRows, uniqueId as uniqueName } from '@/lib/testing/route-harness';
import { createTestDatabaseForFile } from '@/lib/testing/test-database';
import { hashToken } from './hash-token';
import { createToken, listEnvironmentTokens, listTokens, revokeToken } from './manage-tokens';

const t = createTestDatabaseForFile();

describe('createToken', () => {
  it('returns the plaintext once and stores only its hash and display prefix', async () => {
    const created = await createToken(t.db, { name: 'billing worker (production)', kind: 'ingest' });
    if (!created.ok) throw new Error(created.message);
    expect(created.plaintext).toMatch(/^fl_ingest_[A-Za-z0-9_-]{32}$/);
    expect(created.token).toMatchObject({ name: 'billing worker (production)', kind: 'ingest', access: null, revokedAt: null, lastUsedAt: null });
    expect(created.token.prefix).toBe(`${created.plaintext.slice(0, 'fl_ingest_'.length + 4)}…`);
    expect(JSON.stringify(created.token)).not.toContain(created.plaintext);

    const row = await t.db.prisma.token.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(row.tokenHash).toBe(hashToken(created.plaintext));
    expect(row.prefix).toBe(created.token.prefix);
    // Nowhere in the database: not the whole token, not its random part.
    const everything = await dumpAllRows(t);
    expect(everything).not.toContain(created.plaintext);
    expect(everything).not.toContain(created.plaintext.slice('fl_ingest_'.length));
    expect(await findActiveTokenByHash(t.db, hashToken(created.plaintext))).toMatchObject({ id: created.token.id, kind: 'ingest' });
  });

  it('makes API tokens read-only unless read-write is asked for', async () => {
    const read = await createToken(t.db, { name: uniqueName('reader'), kind: 'api' });
    const readWrite = await createToken(t.db, { name: uniqueName('writer'), kind: 'api', access: 'read-write' });
    if (!read.ok || !readWrite.ok) throw new Error('not created');
    expect(read.plaintext).toMatch(/^fl_api_/);
    expect(read.token.access).toBe('read');
    expect(readWrite.token.access).toBe('read-write');
    expect((await t.db.prisma.token.findUniqueOrThrow({ where: { id: readWrite.token.id } })).canWrite).toBe(true);
    expect((await t.db.prisma.token.findUniqueOrThrow({ where: { id: read.token.id } })).canWrite).toBe(false);
  });

  it('refuses a name that is taken, even by a revoked token, naming the field', async () => {
    const name = uniqueName('dup');
    const first = await createToken(t.db, { name, kind: 'api' });
    if (!first.ok) throw new Error(first.message);
    const again = await createToken(t.db, { name, kind: 'ingest' });
    expect(again).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining(`a token named "${name}" already exists`)] } });
    await revokeToken(t.db, first.token.id);
    expect((await createToken(t.db, { name: ` ${name} `, kind: 'api' })).ok).toBe(false);
  });

  it.each([
    [{ name: '', kind: 'ingest' }, 'name', 'give the token a name'],
    [{ name: 'x'.repeat(81), kind: 'ingest' }, 'name', 'at most 80 characters'],
    [{ name: 'two\nlines', kind: 'ingest' }, 'name', 'printable'],
    [{ name: 'bootstrap-api', kind: 'api' }, 'name', 'reserved'],
    [{ name: 'ok', kind: 'admin' }, 'kind', '"ingest"'],
    [{ name: 'ok', kind: 'api', access: 'write' }, 'access', '"read" or "read-write"'],
    [{ name: 'ok', kind: 'ingest', access: 'read-write' }, 'access', 'API tokens only'],
    [{ name: 'ok', kind: 'api', scope: 'all' }, '', 'scope'],
    ['ok', '', 'JSON object'],
  ])('refuses %j with a message on %s', async (input, field, words) => {
    const result = await createToken(t.db, input);
    if (result.ok) throw new Error('created');
    expect(result.fieldErrors[field]?.join(' ')).toContain(words);
    expect(result.message).toContain(words);
  });

  it('accepts up to 80 printable characters, accents and emoji included', async () => {
    const name = `${uniqueName('ünïcode 🚀')}${'x'.repeat(50)}`.slice(0, 80);
    const created = await createToken(t.db, { name, kind: 'ingest' });
    expect(created.ok && created.token.name).toBe(name);
  });
});

describe('listTokens', () => {
  it('lists active tokens newest first, then revoked ones, without hashes', async () => {
    await t.db.prisma.token.deleteMany();
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute));
    const names = ['one', 'two', 'three', 'four'];
    const ids: number[] = [];
    for (const [i, name] of names.entries()) {
      const created = await createToken(t.db, { name, kind: i % 2 ? 'api' : 'ingest' }, at(i));
      if (!created.ok) throw new Error(created.message);
      ids.push(created.token.id);
    }
    const [one, two, three, four] = ids as [number, number, number, number];
    await revokeToken(t.db, four, at(10));
    await revokeToken(t.db, two, at(11));
    const listed = await listTokens(t.db);
    expect(listed.map((x) => x.name)).toEqual(['three', 'one', 'four', 'two']);
    expect(listed[0]).toEqual({
      id: three,
      name: 'three',
      kind: 'ingest',
      access: null,
      prefix: expect.stringMatching(/^fl_ingest_.{4}…$/),
      bootstrap: false,
      createdAt: at(2).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(listed[2]?.revokedAt).toBe(at(10).toISOString());
    expect(listed[1]?.id).toBe(one);
  });
});

describe('revokeToken', () => {
  it('revokes at once, keeps the first revocation time when repeated, and says when the token does not exist', async () => {
    const created = await createToken(t.db, { name: uniqueName('revoke-me'), kind: 'api' });
    if (!created.ok) throw new Error(created.message);
    const first = await revokeToken(t.db, created.token.id, new Date('2026-11-25T12:00:00Z'));
    expect(first).toMatchObject({ ok: true, alreadyRevoked: false, token: { revokedAt: '2026-11-25T12:00:00.000Z' } });
    expect(await findActiveTokenByHash(t.db, hashToken(created.plaintext))).toBeNull();
    const second = await revokeToken(t.db, created.token.id, new Date('2026-11-25T13:00:00Z'));
    expect(second).toMatchObject({ ok: true, alreadyRevoked: true, token: { revokedAt: '2026-11-25T12:00:00.000Z' } });
    expect(await revokeToken(t.db, 999_999)).toEqual({ ok: false, notFound: true });
  });

  it('revokes a bootstrap token like any other', async () => {
    await t.db.prisma.token.create({ data: { name: 'bootstrap-api', kind: 'api', canWrite: true, tokenHash: hashToken('x'), prefix: 'fl_api_abcd…' } });
    const listed = (await listTokens(t.db)).find((x) => x.name === 'bootstrap-api');
    expect(listed).toMatchObject({ bootstrap: true, access: 'read-write' });
    expect(await revokeToken(t.db, listed?.id ?? 0)).toMatchObject({ ok: true, alreadyRevoked: false });
  });
});

describe('listEnvironmentTokens', () => {
  const saved = { ingest: process.env.FAULTLINE_INGEST_TOKEN, api: process.env.FAULTLINE_API_TOKEN };
  afterEach(() => {
    for (const [name, value] of [['FAULTLINE_INGEST_TOKEN', saved.ingest], ['FAULTLINE_API_TOKEN', saved.api]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetEnvForTests();
  });

  it('names the environment tokens that are set, never their values', () => {
    process.env.FAULTLINE_INGEST_TOKEN = 'env-ingest-token-0123456789';
    delete process.env.FAULTLINE_API_TOKEN;
    resetEnvForTests();
    expect(listEnvironmentTokens()).toEqual([
      { variable: 'FAULTLINE_INGEST_TOKEN', kind: 'ingest', access: null, note: 'FAULTLINE_INGEST_TOKEN is set in the environment: remove it there to revoke it' },
    ]);
    process.env.FAULTLINE_API_TOKEN = 'env-api-token-0123456789ab';
    resetEnvForTests();
    expect(listEnvironmentTokens().map((x) => [x.variable, x.access])).toEqual([
      ['FAULTLINE_INGEST_TOKEN', null],
      ['FAULTLINE_API_TOKEN', 'read-write'],
    ]);
    expect(JSON.stringify(listEnvironmentTokens())).not.toContain('0123456789');
  });
});
