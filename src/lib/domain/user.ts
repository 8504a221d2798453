// Accounts as an admin creates and edits them: the one definition the admin page, the server's
// /api/users and `npm run user` all validate against.
import { z } from 'zod';
import { positionSchema, roleSchema } from './roles';

export const USER_NAME = /^[a-z][a-z0-9._-]{2,31}$/;

export const userNameSchema = z
  .string()
  .regex(
    USER_NAME,
    'Tên đăng nhập: 3–32 ký tự, chữ thường không dấu, số, dấu . _ -, bắt đầu bằng chữ.',
  );

export const passwordSchema = z
  .string()
  .min(8, 'Mật khẩu cần ít nhất 8 ký tự.')
  .max(128, 'Mật khẩu quá dài.');

export const newUserSchema = z.strictObject({
  name: userNameSchema,
  password: passwordSchema,
  fullName: z.string().trim().min(1, 'Cần nhập họ tên.').max(100),
  role: roleSchema,
  position: positionSchema.optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export const userChangeSchema = z.strictObject({
  password: passwordSchema.optional(),
  fullName: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  position: positionSchema.nullable().optional(),
  /** A disabled account keeps its records but can no longer read or write the commune's data. */
  disabled: z.boolean().optional(),
});
export type UserChange = z.infer<typeof userChangeSchema>;

/** What the admin page lists. */
export interface UserSummary {
  name: string;
  fullName: string;
  role: string | null;
  position: string | null;
  disabled: boolean;
}
