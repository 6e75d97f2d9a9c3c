import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/contract/define';
import { AppError } from '../../shared/errors';
import {
  RULE_STATES,
  actsAsCreator,
  allowedActions,
  canView,
  decide,
  type RequestCaller,
} from '../../shared/requests/rules';
import { ALL_CASES, expectedOutcome } from '../helpers/requests-oracle';

describe('decide(state, action, role, isCreator)', () => {
  it('covers 6 states × 7 actions × 4 roles × creator or not', () => expect(ALL_CASES).toHaveLength(336));

  it.each(ALL_CASES)('%s, %s, %s, creator: %s', (state, action, role, isCreator) => {
    const expected = expectedOutcome(state, action, role, isCreator);
    if ('next' in expected) {
      expect(decide(state, action, role, isCreator)).toBe(expected.next);
      return;
    }
    let thrown: unknown;
    try {
      decide(state, action, role, isCreator);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe(expected.code);
    expect((thrown as AppError).message.length).toBeGreaterThan(10);
  });

  it('refuses self-approval and self-rejection for every role, in every state, with the reason', () => {
    for (const role of ROLES) {
      for (const state of RULE_STATES) {
        for (const action of ['approve', 'reject'] as const) {
          expect(() => decide(state, action, role, true)).toThrowError(
            expect.objectContaining({ code: 'FORBIDDEN', message: role === 'manager' || role === 'admin' ? 'You cannot decide a request you created.' : 'Only managers and admins decide requests.' }),
          );
        }
      }
    }
  });

  it('explains a refused transition in words', () => {
    expect(() => decide('SUBMITTED', 'edit', 'customer', true)).toThrowError('Only a draft can be edited; this one is submitted and waiting for a decision.');
    expect(() => decide('APPROVED', 'withdraw', 'staff', true)).toThrowError('Only a submitted request can be withdrawn; this one is approved.');
    expect(() => decide('DRAFT', 'edit', 'admin', false)).toThrowError('Only the person who created this request can edit it.');
  });
});

describe('ownership', () => {
  const customer: RequestCaller = { accountId: 'acc-c', personId: 'person-c', role: 'customer' };
  const otherCustomer: RequestCaller = { accountId: 'acc-d', personId: 'person-d', role: 'customer' };
  const staff: RequestCaller = { accountId: 'acc-s', personId: null, role: 'staff' };
  const colleague: RequestCaller = { accountId: 'acc-t', personId: null, role: 'staff' };
  const manager: RequestCaller = { accountId: 'acc-m', personId: null, role: 'manager' };
  const admin: RequestCaller = { accountId: 'acc-a', personId: null, role: 'admin' };

  const ownByCustomer = { createdBy: 'acc-c', requesterId: 'person-c', onBehalf: false, deleted: false };
  const onBehalf = { createdBy: 'acc-s', requesterId: 'person-c', onBehalf: true, deleted: false };
  const staffOwn = { createdBy: 'acc-s', requesterId: 'account:acc-s', onBehalf: false, deleted: false };
  const managerOnBehalf = { createdBy: 'acc-m', requesterId: 'person-c', onBehalf: true, deleted: false };

  it('a customer sees requests for them (their own and those made on their behalf), never another’s', () => {
    expect(canView(ownByCustomer, customer)).toBe(true);
    expect(canView(onBehalf, customer)).toBe(true);
    expect(canView(ownByCustomer, otherCustomer)).toBe(false);
    expect(canView(staffOwn, customer)).toBe(false);
  });

  it('staff see their own and customers’ requests, not a colleague’s own; managers see all; deleted only admins', () => {
    expect(canView(staffOwn, staff)).toBe(true);
    expect(canView(staffOwn, colleague)).toBe(false);
    expect(canView(ownByCustomer, colleague)).toBe(true);
    expect(canView(staffOwn, manager)).toBe(true);
    expect(canView({ ...staffOwn, deleted: true }, staff)).toBe(false);
    expect(canView({ ...staffOwn, deleted: true }, manager)).toBe(false);
    expect(canView({ ...staffOwn, deleted: true }, admin)).toBe(true);
  });

  it('on behalf: the staff member prepares and submits; the customer may withdraw it, nothing else', () => {
    expect(allowedActions({ ...onBehalf, status: 'DRAFT' }, staff)).toEqual(['edit', 'submit', 'delete']);
    expect(allowedActions({ ...onBehalf, status: 'DRAFT' }, customer)).toEqual([]);
    expect(allowedActions({ ...onBehalf, status: 'SUBMITTED' }, customer)).toEqual(['withdraw']);
    expect(allowedActions({ ...onBehalf, status: 'SUBMITTED' }, staff)).toEqual(['withdraw']);
    expect(actsAsCreator(onBehalf, otherCustomer, 'withdraw')).toBe(false);
  });

  it('a manager who made a request for a customer cannot decide it; another manager can', () => {
    expect(allowedActions({ ...managerOnBehalf, status: 'SUBMITTED' }, manager)).toEqual(['withdraw']);
    expect(allowedActions({ ...managerOnBehalf, status: 'SUBMITTED' }, admin)).toEqual(['approve', 'reject']);
  });
});
