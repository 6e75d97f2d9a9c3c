import { z } from 'zod';
import { ROLES } from './define';

/** Output shapes the renderer relies on. Inputs are declared beside each method. */
export const id = z.string().min(1, 'Required').max(64, 'Too long');
export const epochMs = z.number().int().nonnegative();

export const Role = z.enum(ROLES);

export const SessionInfo = z.object({
  accountId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  personId: z.string().nullable(),
  locked: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  address: z.string(),
  active: z.boolean(),
  blocked: z.boolean(),
  blockedReason: z.string(),
  deletedAt: epochMs.nullable(),
  mergedInto: z.string().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Person = z.infer<typeof Person>;

export const PersonRow = Person.pick({ id: true, name: true, email: true, phone: true, active: true, deletedAt: true });
export type PersonRow = z.infer<typeof PersonRow>;

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  status: z.enum(['active', 'disabled']),
  personId: z.string().nullable(),
  hasPin: z.boolean(),
  createdAt: epochMs,
});
export type Account = z.infer<typeof Account>;

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  deviceId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: epochMs,
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
