import { AppError } from '../errors';

/** Where a borrow request is (seed 000). */
export const BORROW_STATUSES = ['PENDING', 'APPROVED', 'DENIED', 'CANCELLED', 'CHECKED_OUT', 'RETURNED'] as const;
export type BorrowStatus = (typeof BORROW_STATUSES)[number];

export const BORROW_ACTIONS = ['approve', 'deny', 'cancel', 'checkOut', 'return'] as const;
export type BorrowAction = (typeof BORROW_ACTIONS)[number];

/**
 * PENDING → APPROVED → CHECKED_OUT → RETURNED; PENDING → DENIED (reason) or CANCELLED;
 * APPROVED → CANCELLED. Anything else is refused.
 */
export const BORROW_TRANSITIONS: Readonly<Record<BorrowStatus, Partial<Record<BorrowAction, BorrowStatus>>>> = {
  PENDING: { approve: 'APPROVED', deny: 'DENIED', cancel: 'CANCELLED' },
  APPROVED: { checkOut: 'CHECKED_OUT', cancel: 'CANCELLED' },
  CHECKED_OUT: { return: 'RETURNED' },
  DENIED: {},
  CANCELLED: {},
  RETURNED: {},
};

/** A request in one of these holds the item: at most one per item at a time. */
export const HOLDING_STATUSES = ['APPROVED', 'CHECKED_OUT'] as const satisfies readonly BorrowStatus[];
/** Still open: the borrower is waiting or has the item. */
export const OPEN_STATUSES = ['PENDING', 'APPROVED', 'CHECKED_OUT'] as const satisfies readonly BorrowStatus[];

const STATUS_WORDS: Record<BorrowStatus, string> = {
  PENDING: 'waiting for a decision',
  APPROVED: 'approved',
  DENIED: 'denied',
  CANCELLED: 'cancelled',
  CHECKED_OUT: 'checked out',
  RETURNED: 'returned',
};

const ACTION_WORDS: Record<BorrowAction, string> = {
  approve: 'approved',
  deny: 'denied',
  cancel: 'cancelled',
  checkOut: 'checked out',
  return: 'checked in',
};

export const canBorrow = (status: BorrowStatus, action: BorrowAction): boolean => BORROW_TRANSITIONS[status]?.[action] !== undefined;

export function nextBorrowStatus(status: BorrowStatus, action: BorrowAction): BorrowStatus {
  const next = BORROW_TRANSITIONS[status]?.[action];
  if (!next) throw new AppError('INVALID_TRANSITION', `This borrow request is ${STATUS_WORDS[status] ?? status}: it cannot be ${ACTION_WORDS[action]}.`);
  return next;
}
