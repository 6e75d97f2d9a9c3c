import { describe, expect, it } from 'vitest';
import { BORROW_ACTIONS, BORROW_STATUSES, BORROW_TRANSITIONS, canBorrow, nextBorrowStatus } from '../../shared/lending/borrow-machine';
import { ITEM_ACTIONS, ITEM_STATUSES, ITEM_TRANSITIONS, canItem, nextItemStatus, passes } from '../../shared/lending/item-machine';
import { DAY_MS, ITEM_CODE_RE, daysOverdue, dueDate, makeItemCode, normalizeItemCode } from '../../shared/lending/rules';
import { AppError } from '../../shared/errors';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return null;
};

describe('item state machine (pure)', () => {
  const pairs = ITEM_STATUSES.flatMap((s) => ITEM_ACTIONS.map((a) => [s, a] as const));
  it.each(pairs)('%s + %s: allowed exactly when the table says so', (status, action) => {
    const next = ITEM_TRANSITIONS[status][action];
    if (next) expect(nextItemStatus(status, action, 'Drill')).toBe(next);
    else {
      const e = refusal(() => nextItemStatus(status, action, 'Drill'));
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect((e as AppError).message).toMatch(/^Drill is /);
    }
    expect(canItem(status, action)).toBe(Boolean(next));
  });

  it('follows seed 000: inspection ≥ 3 passes, returns split on 3, nothing leaves WITHDRAWN, an item out cannot be withdrawn', () => {
    expect([1, 2, 3, 4, 5].map(passes)).toEqual([false, false, true, true, true]);
    expect(ITEM_TRANSITIONS.PENDING_VERIFICATION).toEqual({ inspectPass: 'AVAILABLE', inspectFail: 'REJECTED', withdraw: 'WITHDRAWN' });
    expect(ITEM_TRANSITIONS.CHECKED_OUT).toEqual({ returnGood: 'AVAILABLE', returnPoor: 'PENDING_VERIFICATION' });
    expect(ITEM_TRANSITIONS.WITHDRAWN).toEqual({});
    expect(canItem('CHECKED_OUT', 'withdraw')).toBe(false);
  });

  it('explains a second approval', () => {
    expect((refusal(() => nextItemStatus('RESERVED', 'reserve', 'Drill')) as AppError).message).toContain('already approved');
  });
});

describe('borrow state machine (pure)', () => {
  const pairs = BORROW_STATUSES.flatMap((s) => BORROW_ACTIONS.map((a) => [s, a] as const));
  it.each(pairs)('%s + %s: allowed exactly when the table says so', (status, action) => {
    const next = BORROW_TRANSITIONS[status][action];
    if (next) expect(nextBorrowStatus(status, action)).toBe(next);
    else expect(refusal(() => nextBorrowStatus(status, action))).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(canBorrow(status, action)).toBe(Boolean(next));
  });

  it('has 6 allowed transitions and three final states', () => {
    expect(Object.values(BORROW_TRANSITIONS).flatMap((m) => Object.keys(m))).toHaveLength(6);
    for (const s of ['DENIED', 'CANCELLED', 'RETURNED'] as const) expect(BORROW_TRANSITIONS[s]).toEqual({});
  });
});

describe('dates', () => {
  it('due date is check-out plus the loan days', () => {
    expect(dueDate(1000, 7)).toBe(1000 + 7 * DAY_MS);
  });
  it('days overdue: 0 when on time, any part of a day counts', () => {
    const due = 10 * DAY_MS;
    expect(daysOverdue(due, due)).toBe(0);
    expect(daysOverdue(due, due - 1)).toBe(0);
    expect(daysOverdue(due, due + 1)).toBe(1);
    expect(daysOverdue(due, due + DAY_MS)).toBe(1);
    expect(daysOverdue(due, due + DAY_MS + 1)).toBe(2);
    expect(daysOverdue(0, due)).toBe(0);
  });
});

describe('item label codes', () => {
  it('makes IT-XXXX-XXXX codes in Crockford base32', () => {
    for (let i = 0; i < 200; i++) {
      const code = makeItemCode((n) => Uint8Array.from({ length: n }, () => Math.floor(Math.random() * 256)));
      expect(code).toMatch(ITEM_CODE_RE);
      expect(normalizeItemCode(code)).toBe(code);
    }
  });
  it('reads what a person or a scanner types', () => {
    expect(normalizeItemCode('it-7q2k-9d0m')).toBe('IT-7Q2K-9D0M');
    expect(normalizeItemCode('7Q2K9D0M')).toBe('IT-7Q2K-9D0M');
    expect(normalizeItemCode(' IT 7Q2K 9DOM ')).toBe('IT-7Q2K-9D0M');
    expect(normalizeItemCode('IT-7Q2K-9DLI')).toBe('IT-7Q2K-9D11');
    expect(normalizeItemCode('drill')).toBeNull();
    expect(normalizeItemCode('IT-7Q2K-9D0')).toBeNull();
    expect(normalizeItemCode('IT-7Q2K-9D0U')).toBeNull();
  });
});
