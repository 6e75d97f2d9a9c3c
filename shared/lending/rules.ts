import { z } from 'zod';

/** Categories of lendable items: stable keys (stored, indexed), labels come from the UI's strings. */
export const ITEM_CATEGORIES = ['tools', 'kitchen', 'garden', 'electronics', 'sports', 'games', 'books', 'household', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** Lent to the library by its owner (it stays theirs) or owned by the site. */
export const OWNERSHIPS = ['lent', 'site'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const DAY_MS = 24 * 60 * 60 * 1000;

/** When a loan checked out now is due back. */
export const dueDate = (checkedOutAt: number, loanDays: number): number => checkedOutAt + loanDays * DAY_MS;

/** Whole days late; any part of a day counts as a day (0 when not late). */
export const daysOverdue = (dueAt: number, now: number): number => (dueAt > 0 && now > dueAt ? Math.ceil((now - dueAt) / DAY_MS) : 0);

export const itemName = z.string({ error: 'Give the item a name' }).trim().min(1, 'Give the item a name').max(80, 'At most 80 characters');
export const itemDescription = z.string().trim().max(1000, 'At most 1000 characters');
export const itemCategory = z.enum(ITEM_CATEGORIES, { error: 'Choose a category' });
export const conditionRating = z
  .number({ error: 'Give a condition from 1 to 5' })
  .int('Give a condition from 1 to 5')
  .min(1, 'Give a condition from 1 to 5')
  .max(5, 'Give a condition from 1 to 5');
export const inspectionNotes = z.string().trim().max(1000, 'At most 1000 characters');
export const denyReason = z.string({ error: 'Say why the request is denied' }).trim().min(1, 'Say why the request is denied').max(500, 'At most 500 characters');

/**
 * Item label codes: "IT-" + 8 characters of Crockford base32 (no I, L, O, U), printed on the
 * item's label and typed by a scanner. Typing is forgiving: case, dashes, spaces, O→0, I/L→1.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ITEM_CODE_RE = /^IT-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export function makeItemCode(random: (n: number) => Uint8Array): string {
  const bytes = random(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += CROCKFORD[bytes[i] % 32];
  return `IT-${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A typed or scanned code in canonical form, or null if it cannot be one. */
export function normalizeItemCode(raw: string): string | null {
  let s = raw.toUpperCase().replace(/[\s-]/g, '');
  if (s.length === 10 && s.startsWith('IT')) s = s.slice(2);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return null;
  return `IT-${s.slice(0, 4)}-${s.slice(4)}`;
}
