import { z } from 'zod';
import { IdSchema, oneLineText } from './common';

/** `staff` (front desk, records): opens closed records and exports reports, nothing else. */
export const ROLES = ['nurse', 'physician', 'admin', 'staff'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, 'Use 2-32 letters, digits, dots, dashes or underscores');

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

/**
 * A PIN anyone would try first: one digit repeated (000000), a run up or down (123456,
 * 987654), or a short group repeated (121212, 123123).
 */
export function isTrivialPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] as number)));
  if (steps.size === 1 && [0, 1, -1].includes([...steps][0] as number)) return true;
  for (let size = 1; size <= pin.length / 2; size += 1) {
    if (pin.length % size === 0 && pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** A PIN is 6-12 digits, not a trivial one: quick at the chair, hashed with scrypt in main. */
export const PinSchema = z
  .string()
  .regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`), `A PIN is ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits`)
  .refine((pin) => !isTrivialPin(pin), 'This PIN is too easy to guess (a repeated digit, a run or a repeated group)');

/** What a second person signs with: a physician's username and PIN, checked like a sign-in. */
export const CosignSchema = z.object({ username: UsernameSchema, pin: z.string().min(1).max(64) }).strict();
export type Cosign = z.infer<typeof CosignSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
});
export type User = z.infer<typeof UserSchema>;

/** A user as the Users screen shows them: whether they may sign in, and whether they still have to choose a PIN. */
export const UserAccountSchema = UserSchema.extend({ active: z.boolean(), mustChoosePin: z.boolean() });
export type UserAccount = z.infer<typeof UserAccountSchema>;

/** Granting a clinical role needs a physician's co-signature (`cosign`); no admin chooses anyone's PIN. */
export const NewUserSchema = z.object({
  username: UsernameSchema,
  displayName: oneLineText(z.string().trim().min(1, 'Enter a name').max(100)),
  roles: z.array(RoleSchema).min(1, 'Give the user at least one role'),
  cosign: CosignSchema.optional(),
});
export type NewUser = z.infer<typeof NewUserSchema>;

/** A new (or reset) account's one-time code: it signs in once, to choose a PIN. */
export const OneTimeCodeSchema = z.string().regex(/^\d{10}$/);
export const IssuedAccountSchema = z.object({ user: UserAccountSchema, oneTimeCode: OneTimeCodeSchema });
