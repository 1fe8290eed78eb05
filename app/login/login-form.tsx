'use client';
// The sign-in form: posts to signInAction and shows its message (wrong password, locked out,
// database down) without clearing the email.
import { useActionState } from 'react';
import { type SignInFormState, signInAction } from './actions';

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInFormState, FormData>(signInAction, { message: '', email: '' });
  return (
    <form action={action} className="login-form" aria-describedby={state.message ? 'login-error' : undefined}>
      <input type="hidden" name="next" value={next} />
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required defaultValue={state.email} key={state.email} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {state.message ? (
        <p id="login-error" role="alert" className="form-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
