import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';

/**
 * Field rules of a person (seed 003: name required, valid email, phone).
 * Used by the kiosk and staff forms for instant feedback and by the core as the authority.
 */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Phone in international form: "+" and country code. Returns E.164 or null. */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('+')) return null;
  const parsed = parsePhoneNumberFromString(trimmed);
  return parsed && parsed.isValid() ? parsed.number : null;
}

export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase();

/** Lower case, accents removed, single spaces: what search and duplicate checks compare. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const personName = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(120, 'Name is at most 120 characters');

export const personEmail = z
  .string()
  .trim()
  .max(254, 'Email is at most 254 characters')
  .refine((v) => v === '' || EMAIL_RE.test(v), 'Enter a valid email address, like name@example.com');

export const personPhone = z
  .string()
  .trim()
  .max(32, 'Phone is too long')
  .refine((v) => v === '' || normalizePhone(v) !== null, 'Enter the phone in international form, like +34 612 345 678');

export const personAddress = z.string().trim().max(500, 'Address is at most 500 characters');

/** Levenshtein similarity in [0,1] of two name keys. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  for (let i = 1; i <= la; i++) {
    const cur = [i];
    for (let j = 1; j <= lb; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - prev[lb] / Math.max(la, lb);
}

/**
 * A cheap phonetic key used to find similar names through an index instead of a scan:
 * tokens sorted (so "Ana García" = "García Ana"), vowels after the first letter and doubled letters dropped.
 */
export function nameSoundKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .filter(Boolean)
    .map((t) => (t[0] + t.slice(1).replace(/[aeiouyhw]/g, '')).replace(/(.)\1+/g, '$1'))
    .sort()
    .join(' ');
}

/** Names this similar (or with equal sound keys) are shown as possible duplicates. */
export const SIMILAR_NAME_THRESHOLD = 0.8;
