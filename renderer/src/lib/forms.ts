import type { z } from 'zod';
import type { Envelope, ErrorBody, FieldErrors } from '../../../shared/errors';
import { i18n } from '../i18n';
import { translateMessage } from '../i18n/messages';

/**
 * Field errors of a client-side check with the contract's own schema (same rules as the core),
 * in the screen's language: the schemas' messages are English, like the core's.
 */
export function checkFields<S extends z.ZodType>(schema: S, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const fields: FieldErrors = {};
  const language = i18n.language || 'en';
  for (const issue of parsed.error.issues) fields[issue.path.join('.') || '_'] ??= translateMessage(issue.message, language);
  return fields;
}

export const errorOf = <T>(r: Envelope<T>): ErrorBody | null => (r.ok ? null : r.error);
