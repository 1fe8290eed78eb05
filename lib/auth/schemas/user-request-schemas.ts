// What /settings/users and /account accept: a new user, a role change, a password reset, a
// deletion and a change of one's own password. Emails are normalised here (trimmed, lower-cased)
// so every caller stores and compares the same spelling.
import { z } from 'zod';
import { hasNoNul } from '@/lib/api/schemas/reject-nul';
import { normalizeEmail } from '@/lib/auth/sign-in';

export const minPasswordLength = 12;
// scrypt reads the whole password; sign-in accepts up to the same length.
const maxPasswordLength = 1024;

export const roleSchema = z.enum(['admin', 'viewer'], { error: 'Choose admin or viewer.' });

const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .min(1, 'Enter an email address.')
  .max(320, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }))
  .transform(normalizeEmail);

const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(minPasswordLength, `Use at least ${minPasswordLength} characters.`)
  .max(maxPasswordLength, `Use at most ${maxPasswordLength} characters.`)
  .refine(hasNoNul, 'The password must not contain NUL characters.');

/** An empty password means "generate one" (shown once to the admin). */
const setPasswordSchema = z.preprocess((v) => (v === '' || v === null ? undefined : v), newPasswordSchema.optional());

const userIdSchema = z.coerce.number({ error: 'Unknown user.' }).int('Unknown user.').positive('Unknown user.');

export const createUserRequestSchema = z.object({ email: emailSchema, role: roleSchema, password: setPasswordSchema });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const changeUserRoleRequestSchema = z.object({ userId: userIdSchema, role: roleSchema });
export type ChangeUserRoleRequest = z.infer<typeof changeUserRoleRequestSchema>;

export const resetUserPasswordRequestSchema = z.object({ userId: userIdSchema, password: setPasswordSchema });
export type ResetUserPasswordRequest = z.infer<typeof resetUserPasswordRequestSchema>;

export const deleteUserRequestSchema = z.object({ userId: userIdSchema });
export type DeleteUserRequest = z.infer<typeof deleteUserRequestSchema>;

export const changeOwnPasswordRequestSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(maxPasswordLength),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: 'Repeat the new password.' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'The two new passwords differ.' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'Choose a password different from the current one.' });
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordRequestSchema>;
