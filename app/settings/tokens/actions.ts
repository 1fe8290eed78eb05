'use server';
// The /settings/tokens server actions: create a token (its plaintext goes back in this
// response only, never into the page's own HTML) and revoke one. Admins only.
import { revalidatePath } from 'next/cache';
import { adminForAction } from '@/lib/auth/current-user';
import type { TokenKind } from '@/lib/auth/hash-token';
import { createToken, revokeToken, type TokenAccess } from '@/lib/auth/manage-tokens';
import { type TokenUsage, tokenUsage } from '@/lib/dashboard/tokens/prepare-token-usage';
import { getDatabase } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';

export interface NewTokenValues {
  name: string;
  kind: string;
  access: string;
}

export interface CreatedToken {
  name: string;
  kind: TokenKind;
  access: TokenAccess | null;
  prefix: string;
  /** Shown once, from this action's answer; reloading the page cannot bring it back. */
  plaintext: string;
  usage: TokenUsage;
}

export type CreateTokenFormState =
  | { status: 'idle'; version: number }
  | { status: 'error'; message: string; fieldErrors: Record<string, string[]>; values: NewTokenValues; version: number }
  | { status: 'created'; created: CreatedToken; version: number };

export interface RevokeTokenState {
  status: 'idle' | 'error';
  message: string;
}

const unavailable = 'the database is unavailable. Try again shortly.';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export async function createTokenAction(previous: CreateTokenFormState, form: FormData): Promise<CreateTokenFormState> {
  const values = { name: text(form, 'name'), kind: text(form, 'kind'), access: text(form, 'access') };
  const version = previous.version + 1;
  const failed = (message: string, fieldErrors: Record<string, string[]> = {}): CreateTokenFormState => ({
    status: 'error',
    message,
    fieldErrors,
    values,
    version,
  });
  const permission = await adminForAction();
  if (!permission.ok) return failed(`Not created: ${permission.message}`);
  // Access means something for API tokens only; the form may still send its last choice.
  const input = values.kind === 'api' ? { name: values.name, kind: values.kind, access: values.access || undefined } : { name: values.name, kind: values.kind };
  try {
    const result = await createToken(getDatabase(), input);
    if (!result.ok) {
      const { '': whole, ...fields } = result.fieldErrors;
      const count = Object.keys(fields).length;
      const summary = whole ? whole.join('; ') : `${count === 1 ? 'one field needs' : `${count} fields need`} attention`;
      return failed(`Not created: ${summary}.`, fields);
    }
    revalidatePath('/settings/tokens');
    const { token, plaintext } = result;
    return {
      status: 'created',
      created: { name: token.name, kind: token.kind, access: token.access, prefix: token.prefix, plaintext, usage: tokenUsage(token.kind, plaintext) },
      version,
    };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return failed(`Not created: ${unavailable}`);
  }
}

export async function revokeTokenAction(id: number, _previous: RevokeTokenState, _form: FormData): Promise<RevokeTokenState> {
  const permission = await adminForAction();
  if (!permission.ok) return { status: 'error', message: `Not revoked: ${permission.message}` };
  // The id is bound in the page, but arrives from the browser like any other argument.
  if (!Number.isSafeInteger(id) || id <= 0) return { status: 'error', message: 'Not revoked: no such token.' };
  try {
    const result = await revokeToken(getDatabase(), id);
    if (!result.ok) return { status: 'error', message: 'Not revoked: this token no longer exists.' };
  } catch (err) {
    if (!isDatabaseUnavailable(err)) throw err;
    return { status: 'error', message: `Not revoked: ${unavailable}` };
  }
  revalidatePath('/settings/tokens');
  return { status: 'idle', message: '' };
}
