import { z } from 'zod';
import { managers, method, staffOnly, topic } from './define';
import { AuditEntry } from './entities';

export const auditMethods = {
  'audit.verify': method({
    summary: 'Recompute every device’s hash chain and report the first broken link.',
    input: z.object({}).strict(),
    output: z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      devices: z.number().int(),
      broken: z.object({ deviceId: z.string(), seq: z.number().int(), entryId: z.string(), reason: z.string() }).nullable(),
    }),
    surfaces: staffOnly,
    access: managers,
  }),
} as const;

export const auditTopics = {
  'audit.list': topic({
    summary: 'Audit entries, newest first, optionally for one entity; live.',
    params: z
      .object({ entityId: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).default(200) })
      .strict(),
    result: z.array(AuditEntry),
    surfaces: staffOnly,
    access: managers,
  }),
} as const;
