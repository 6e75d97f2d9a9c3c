import { AppError } from '../errors';

/** Where a lendable item is in its life (seed 000). */
export const ITEM_STATUSES = ['PENDING_VERIFICATION', 'AVAILABLE', 'REJECTED', 'RESERVED', 'CHECKED_OUT', 'WITHDRAWN'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** What may happen to an item. Inspection and return split by the rating (≥ 3 passes). */
export const ITEM_ACTIONS = ['inspectPass', 'inspectFail', 'reserve', 'release', 'checkOut', 'returnGood', 'returnPoor', 'withdraw'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

/**
 * The allowed (state, action) → next state. Anything not listed is refused.
 * - inspection: PENDING_VERIFICATION → AVAILABLE (≥ 3) or REJECTED (< 3)
 * - a borrow approved reserves it; cancelling that approval releases it; handing it over checks it out
 * - returned in condition ≥ 3 → AVAILABLE, < 3 → PENDING_VERIFICATION (inspected again)
 * - the owner may withdraw it whenever it is not out
 */
export const ITEM_TRANSITIONS: Readonly<Record<ItemStatus, Partial<Record<ItemAction, ItemStatus>>>> = {
  PENDING_VERIFICATION: { inspectPass: 'AVAILABLE', inspectFail: 'REJECTED', withdraw: 'WITHDRAWN' },
  AVAILABLE: { reserve: 'RESERVED', withdraw: 'WITHDRAWN' },
  RESERVED: { checkOut: 'CHECKED_OUT', release: 'AVAILABLE', withdraw: 'WITHDRAWN' },
  CHECKED_OUT: { returnGood: 'AVAILABLE', returnPoor: 'PENDING_VERIFICATION' },
  REJECTED: { withdraw: 'WITHDRAWN' },
  WITHDRAWN: {},
};

/** The lowest condition rating at which an item may be lent (1–5 scale). */
export const PASSING_CONDITION = 3;

export const passes = (condition: number): boolean => condition >= PASSING_CONDITION;

const STATUS_WORDS: Record<ItemStatus, string> = {
  PENDING_VERIFICATION: 'waiting for inspection',
  AVAILABLE: 'available',
  REJECTED: 'rejected',
  RESERVED: 'reserved for a borrower',
  CHECKED_OUT: 'checked out',
  WITHDRAWN: 'withdrawn by its owner',
};

const ACTION_WORDS: Record<ItemAction, string> = {
  inspectPass: 'inspected',
  inspectFail: 'inspected',
  reserve: 'reserved for a borrower',
  release: 'released',
  checkOut: 'checked out',
  returnGood: 'checked in',
  returnPoor: 'checked in',
  withdraw: 'withdrawn',
};

export const canItem = (status: ItemStatus, action: ItemAction): boolean => ITEM_TRANSITIONS[status]?.[action] !== undefined;

/** The next state, or INVALID_TRANSITION with a message a desk clerk understands. */
export function nextItemStatus(status: ItemStatus, action: ItemAction, itemName = 'This item'): ItemStatus {
  const next = ITEM_TRANSITIONS[status]?.[action];
  if (!next) {
    const why = action === 'reserve' && status === 'RESERVED' ? ' Another borrow request for it is already approved.' : '';
    throw new AppError('INVALID_TRANSITION', `${itemName} is ${STATUS_WORDS[status] ?? status}: it cannot be ${ACTION_WORDS[action]} now.${why}`);
  }
  return next;
}
