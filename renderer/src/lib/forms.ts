import type { z } from 'zod';
import type { Envelope, ErrorBody, FieldErrors } from '../../../shared/errors';

/** Field errors of a client-side check with the contract's own schema (same rules as the core). */
export function checkFields<S extends z.ZodType>(schema: S, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= issue.message;
  return fields;
}

export const errorOf = <T>(r: Envelope<T>): ErrorBody | null => (r.ok ? null : r.error);
