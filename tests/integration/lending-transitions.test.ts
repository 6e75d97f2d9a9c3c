import type { RxCollection } from 'rxdb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/database';
import type { BorrowRequestDoc, ItemDoc } from '../../electron/core/lending/lending-docs';
import { BORROW_ACTIONS, BORROW_STATUSES, BORROW_TRANSITIONS, type BorrowAction, type BorrowStatus } from '../../shared/lending/borrow-machine';
import { ITEM_ACTIONS, ITEM_STATUSES, ITEM_TRANSITIONS, type ItemAction, type ItemStatus } from '../../shared/lending/item-machine';
import { DAY_MS } from '../../shared/lending/rules';
import { CUSTOMER, MANAGER, STAFF, TestCore, customerSignIn, dumpDataFolder, expectOnlyAuditOf, registerCustomer, setUpStation, signIn, type StoreDump } from '../helpers/core';

/**
 * Every (state, action) pair of both state machines, through the real core on a temp store.
 * Each pair gets its own item (and borrow request) written straight into the store in the
 * state under test — including combinations the core itself never produces (an AVAILABLE item
 * with an approved request, as a sync from another station could leave it), so the core must
 * check both machines before it writes anything. Allowed pairs succeed and land in the table's
 * next state; every other pair returns INVALID_TRANSITION and the store is unchanged.
 */

const OWNER = { name: 'Olga Owner', email: 'olga@example.com', phone: '', pin: '5151' } as const;
const BORROWER = CUSTOMER;

/** The item state a request in this state goes with when nothing is out of step. */
const ITEM_WITH: Record<BorrowStatus, ItemStatus> = {
  PENDING: 'AVAILABLE',
  APPROVED: 'RESERVED',
  CHECKED_OUT: 'CHECKED_OUT',
  DENIED: 'AVAILABLE',
  CANCELLED: 'AVAILABLE',
  RETURNED: 'AVAILABLE',
};

/** The request an item action acts through (null: it acts on the item itself). */
const REQUEST_FOR: Record<ItemAction, BorrowStatus | null> = {
  inspectPass: null,
  inspectFail: null,
  withdraw: null,
  reserve: 'PENDING',
  release: 'APPROVED',
  checkOut: 'APPROVED',
  returnGood: 'CHECKED_OUT',
  returnPoor: 'CHECKED_OUT',
};

interface Case {
  name: string;
  itemStatus: ItemStatus;
  requestStatus: BorrowStatus | null;
  run: 'inspect4' | 'inspect2' | 'withdraw' | 'approve' | 'deny' | 'cancel' | 'checkOut' | 'checkIn4' | 'checkIn2';
  allowed: boolean;
  /** Expected after an allowed call. */
  itemAfter: ItemStatus;
  requestAfter: BorrowStatus | null;
  itemId: string;
  requestId: string;
}

const ITEM_RUN: Record<ItemAction, Case['run']> = {
  inspectPass: 'inspect4',
  inspectFail: 'inspect2',
  withdraw: 'withdraw',
  reserve: 'approve',
  release: 'cancel',
  checkOut: 'checkOut',
  returnGood: 'checkIn4',
  returnPoor: 'checkIn2',
};
const BORROW_RUN: Record<BorrowAction, Case['run']> = { approve: 'approve', deny: 'deny', cancel: 'cancel', checkOut: 'checkOut', return: 'checkIn4' };
/** What an allowed borrow action does to its (in-step) item. */
const BORROW_ITEM_ACTION: Record<BorrowAction, ItemAction | null> = { approve: 'reserve', deny: null, cancel: 'release', checkOut: 'checkOut', return: 'returnGood' };

const itemCases: Case[] = ITEM_STATUSES.flatMap((itemStatus) =>
  ITEM_ACTIONS.map((action) => {
    const requestStatus = REQUEST_FOR[action];
    const next = ITEM_TRANSITIONS[itemStatus][action];
    const borrowNext = requestStatus ? { reserve: 'APPROVED', release: 'CANCELLED', checkOut: 'CHECKED_OUT', returnGood: 'RETURNED', returnPoor: 'RETURNED' }[action as string] : null;
    return {
      name: `item ${itemStatus} + ${action}`,
      itemStatus,
      requestStatus,
      run: ITEM_RUN[action],
      allowed: next !== undefined,
      itemAfter: next ?? itemStatus,
      requestAfter: (borrowNext as BorrowStatus | null) ?? null,
      itemId: uuidv7(),
      requestId: requestStatus ? uuidv7() : '',
    };
  }),
);

const borrowCases: Case[] = BORROW_STATUSES.flatMap((requestStatus) =>
  BORROW_ACTIONS.map((action) => {
    const next = BORROW_TRANSITIONS[requestStatus][action];
    const itemStatus = ITEM_WITH[requestStatus];
    // Cancelling a request that does not hold the item leaves the item alone.
    const itemAction = action === 'cancel' && requestStatus !== 'APPROVED' ? null : BORROW_ITEM_ACTION[action];
    return {
      name: `borrow ${requestStatus} + ${action}`,
      itemStatus,
      requestStatus,
      run: BORROW_RUN[action],
      allowed: next !== undefined,
      itemAfter: next && itemAction ? (ITEM_TRANSITIONS[itemStatus][itemAction] as ItemStatus) : itemStatus,
      requestAfter: next ?? requestStatus,
      itemId: uuidv7(),
      requestId: uuidv7(),
    };
  }),
);

const cases = [...itemCases, ...borrowCases];

let t: TestCore;
let ownerPersonId: string;
let borrowerPersonId: string;
let staff: CallContext;
let manager: CallContext;
let owner: CallContext;
let borrower: CallContext;
let before: StoreDump;

async function signInAll(): Promise<void> {
  [staff, manager, owner, borrower] = await Promise.all([signIn(t, STAFF), signIn(t, MANAGER), customerSignIn(t, OWNER), customerSignIn(t, BORROWER)]);
}

function fixtureDocs(c: Case, i: number, now: number): { item: ItemDoc; request: BorrowRequestDoc | null } {
  const base = (id: string) => ({ id, createdAt: now + i, updatedAt: now + i, createdBy: 'fixture', deviceId: 'fixture-device' });
  const name = `Fixture ${i} (${c.name})`;
  const item: ItemDoc = {
    ...base(c.itemId),
    kind: 'item',
    name,
    nameKey: `fixture ${i}`,
    status: c.itemStatus,
    ownerId: ownerPersonId,
    category: 'tools',
    deleted: false,
    code: `IT-FX${String(i).padStart(2, '0')}-0000`,
    description: '',
    ownership: 'lent',
    broughtById: ownerPersonId,
    condition: c.itemStatus === 'PENDING_VERIFICATION' ? null : 4,
  };
  const rs = c.requestStatus;
  const request: BorrowRequestDoc | null = rs
    ? {
        ...base(c.requestId),
        kind: 'borrow',
        status: rs,
        requesterId: borrowerPersonId,
        itemId: c.itemId,
        category: '',
        dueAt: rs === 'CHECKED_OUT' || rs === 'RETURNED' ? now + 7 * DAY_MS : 0,
        deleted: false,
        itemName: name,
        itemCode: item.code,
        requesterName: BORROWER.name,
        decidedAt: rs === 'PENDING' ? null : now,
        decidedBy: null,
        decidedByName: rs === 'PENDING' ? '' : 'Fixture',
        reason: rs === 'DENIED' ? 'Fixture reason' : '',
        checkedOutAt: rs === 'CHECKED_OUT' || rs === 'RETURNED' ? now : null,
        returnedAt: rs === 'RETURNED' ? now : null,
        returnCondition: rs === 'RETURNED' ? 4 : null,
        late: false,
        daysOverdue: 0,
      }
    : null;
  return { item, request };
}

function act(c: Case) {
  switch (c.run) {
    case 'inspect4':
      return t.call(staff, 'lending.inspect', { itemId: c.itemId, condition: 4, notes: 'ok' });
    case 'inspect2':
      return t.call(staff, 'lending.inspect', { itemId: c.itemId, condition: 2, notes: 'scratched' });
    case 'withdraw':
      return t.call(owner, 'lending.withdrawItem', { itemId: c.itemId });
    case 'approve':
      return t.call(manager, 'lending.approveBorrow', { requestId: c.requestId });
    case 'deny':
      return t.call(manager, 'lending.denyBorrow', { requestId: c.requestId, reason: 'Not this week' });
    case 'cancel':
      return t.call(borrower, 'lending.cancelBorrow', { requestId: c.requestId });
    case 'checkOut':
      return t.call(staff, 'lending.checkOut', { requestId: c.requestId });
    case 'checkIn4':
      return t.call(staff, 'lending.checkIn', { requestId: c.requestId, condition: 4 });
    case 'checkIn2':
      return t.call(staff, 'lending.checkIn', { requestId: c.requestId, condition: 2 });
  }
}

beforeAll(async () => {
  t = await TestCore.create({ enableTestHooks: true });
  await setUpStation(t);
  ownerPersonId = (await registerCustomer(t, OWNER)).session.personId!;
  borrowerPersonId = (await registerCustomer(t, BORROWER)).session.personId!;
  // Write every fixture while the core is closed, and take the "before" picture then.
  before = await t.withCoreClosed(async (dir) => {
    const db = await openDatabase(dir);
    const now = Date.now();
    try {
      const docs = cases.map((c, i) => fixtureDocs(c, i, now));
      await (db.catalog as unknown as RxCollection<ItemDoc>).bulkInsert(docs.map((d) => d.item));
      await (db.requests as unknown as RxCollection<BorrowRequestDoc>).bulkInsert(docs.flatMap((d) => (d.request ? [d.request] : [])));
    } finally {
      await db.close();
    }
    return dumpDataFolder(dir);
  });
  await signInAll();
});
afterAll(() => t.dispose());

describe('the enumeration', () => {
  it('covers every pair of both machines', () => {
    expect(itemCases).toHaveLength(ITEM_STATUSES.length * ITEM_ACTIONS.length);
    expect(borrowCases).toHaveLength(BORROW_STATUSES.length * BORROW_ACTIONS.length);
    expect(cases.filter((c) => c.allowed)).toHaveLength(11 + 6);
  });
});

describe('pairs the machines refuse', () => {
  const refused = cases.filter((c) => !c.allowed);
  it.each(refused.map((c) => [c.name, c] as const))('%s → INVALID_TRANSITION', async (_name, c) => {
    const r = await act(c);
    expect(r, c.name).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  });

  it('changed nothing: the store is as it was, apart from the test’s own sign-ins', async () => {
    expectOnlyAuditOf(before, await t.dumpStore(), ['auth.signIn']);
    await signInAll();
  });
});

describe('pairs the machines allow', () => {
  const allowed = cases.filter((c) => c.allowed);
  it.each(allowed.map((c) => [c.name, c] as const))('%s succeeds and lands in the next state, audited', async (_name, c) => {
    const r = await act(c);
    expect(r, c.name).toMatchObject({ ok: true });
    const view = await t.read(staff, 'lending.item', { itemId: c.itemId });
    expect(view.item.status, `${c.name}: item`).toBe(c.itemAfter);
    if (c.requestStatus) expect(view.loans.find((l) => l.id === c.requestId)?.status, `${c.name}: request`).toBe(c.requestAfter);
    const audited = [...view.history, ...(c.requestId ? (await t.read(staff, 'lending.request', { requestId: c.requestId })).history : [])];
    expect(audited.length, `${c.name}: audit entries`).toBeGreaterThan(0);
  });
});
