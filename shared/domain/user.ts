import { z } from 'zod';
import { IdSchema } from './common';

/** `staff` (front desk, records): opens closed records and exports reports, nothing else. */
export const ROLES = ['nurse', 'physician', 'admin', 'staff'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,32}$/, 'Use 2-32 letters, digits, dots, dashes or underscores');

/** A PIN is 4-12 digits: quick at the chair, hashed with scrypt in main. */
export const PinSchema = z.string().regex(/^\d{4,12}$/, 'A PIN is 4 to 12 digits');

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
});
export type User = z.infer<typeof UserSchema>;

export const NewUserSchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1, 'Enter a name').max(100),
  roles: z.array(RoleSchema).min(1, 'Give the user at least one role'),
  pin: PinSchema,
});
export type NewUser = z.infer<typeof NewUserSchema>;
