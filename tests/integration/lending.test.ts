import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import type { BorrowRequest, LendingItem } from '../../shared/contract/lending';
import { DAY_MS } from '../../shared/lending/rules';
import { MANAGER, TestCore, customerSignIn, registerCustomer, setUpStation, signIn, type Station } from '../helpers/core';

/** Lending through the real core: intake, inspection, borrowing, check-out/in, overdue, ownership, audit, live lists. */

let t: TestCore;
let st: Station;
let staff: CallContext;
let manager: CallContext;
let admin: CallContext;
let olga: { ctx: CallContext; personId: string };
let bea: { ctx: CallContext; personId: string };
let carl: { ctx: CallContext; personId: string };

const customer = async (name: string, email: string, phone = '') => {
  const r = await registerCustomer(t, { name, email, phone, pin: '4321' });
  return { ctx: r.ctx, personId: r.session.personId! };
};
const clockNow = () => Date.now();
const itemActions = async (itemId: string) => (await t.read(admin, 'audit.list', { entityId: itemId, limit: 100 })).map((e) => e.action).reverse();

beforeAll(async () => {
  // Long idle limits: the test moves the core's clock by days and the sessions must survive it.
  t = await TestCore.create({ enableTestHooks: true, staffLockMs: 1e12, kioskTimeoutMs: 1e12 });
  st = await setUpStation(t);
  ({ staff, manager, admin } = st);
  olga = await customer('Olga Owner', 'olga@example.com');
  bea = await customer('Bea Borrower', 'bea@example.com', '+34 612 345 678');
  carl = await customer('Carl Second', 'carl@example.com');
});
afterAll(() => t.dispose());

async function availableItem(name: string, category: 'tools' | 'garden' | 'kitchen' = 'tools', owner = olga): Promise<LendingItem> {
  const item = await t.ok(owner.ctx, 'lending.submitItem', { name, category, description: 'Works well' });
  return t.ok(staff, 'lending.inspect', { itemId: item.id, condition: 4, notes: '' });
}

describe('intake at the kiosk and inspection', () => {
  it('refuses bad input with field messages and stores nothing', async () => {
    const queue = await t.read(staff, 'lending.inspectionQueue', {});
    const e = await t.fail(olga.ctx, 'lending.submitItem', { name: '  ', category: 'spaceships' }, 'VALIDATION');
    expect(e.fields).toEqual({ name: 'Give the item a name', category: 'Choose a category' });
    const e2 = await t.fail(staff, 'lending.inspect', { itemId: 'x', condition: 6 }, 'VALIDATION');
    expect(e2.fields).toEqual({ condition: 'Give a condition from 1 to 5' });
    expect(await t.read(staff, 'lending.inspectionQueue', {})).toEqual(queue);
  });

  it('a customer lends only their own items', async () => {
    await t.fail(olga.ctx, 'lending.submitItem', { name: 'Ladder', category: 'tools', ownership: 'site' }, 'FORBIDDEN');
    await t.fail(olga.ctx, 'lending.submitItem', { name: 'Ladder', category: 'tools', ownerId: bea.personId }, 'FORBIDDEN');
    const e = await t.fail(staff, 'lending.submitItem', { name: 'Ladder', category: 'tools', ownership: 'lent' }, 'VALIDATION');
    expect(e.fields).toEqual({ ownerId: 'Choose the person who lends it' });
  });

  it('a submitted item waits for inspection, oldest first, and is audited; a rating of 4 makes it available, 2 rejects it', async () => {
    const first = await t.ok(olga.ctx, 'lending.submitItem', { name: 'Hedge trimmer', category: 'garden' });
    const second = await t.ok(olga.ctx, 'lending.submitItem', { name: 'Bread machine', category: 'kitchen', description: 'Lid a bit loose' });
    expect(first).toMatchObject({ status: 'PENDING_VERIFICATION', ownerId: olga.personId, ownerName: 'Olga Owner', ownership: 'lent', condition: null });
    expect(first.code).toMatch(/^IT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const queue = await t.read(staff, 'lending.inspectionQueue', {});
    const ids = queue.rows.map((r) => r.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.total).toBe(queue.rows.length);

    const ok = await t.ok(staff, 'lending.inspect', { itemId: first.id, condition: 4, notes: 'Clean, blades sharp' });
    expect(ok).toMatchObject({ status: 'AVAILABLE', condition: 4 });
    const bad = await t.ok(staff, 'lending.inspect', { itemId: second.id, condition: 2, notes: 'Cracked bowl' });
    expect(bad).toMatchObject({ status: 'REJECTED', condition: 2 });

    // The owner sees both outcomes; only the good one is offered to others.
    const mine = await t.read(olga.ctx, 'lending.myItems', {});
    expect(mine.find((i) => i.id === second.id)?.status).toBe('REJECTED');
    const offered = await t.read(bea.ctx, 'lending.availableItems', {});
    expect(offered.rows.map((r) => r.name)).toContain('Hedge trimmer');
    expect(offered.rows.map((r) => r.name)).not.toContain('Bread machine');

    // Each inspection is an append-only fact; the item keeps the latest score.
    const view = await t.read(staff, 'lending.item', { itemId: second.id });
    expect(view.inspections).toMatchObject([{ condition: 2, notes: 'Cracked bowl', stage: 'intake', byName: 'Sam Staff' }]);
    expect(await itemActions(second.id)).toEqual(['item.submit', 'item.inspect']);
  });

  it('browsing is by category and name prefix; the desk finds an item by its typed or scanned code', async () => {
    const rake = await availableItem('Garden rake', 'garden');
    await availableItem('Saw', 'tools');
    const garden = await t.read(bea.ctx, 'lending.availableItems', { category: 'garden' });
    expect(garden.rows.every((r) => r.category === 'garden')).toBe(true);
    expect(garden.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Garden rake', 'Hedge trimmer']));
    const search = await t.read(bea.ctx, 'lending.availableItems', { search: 'GARD' });
    expect(search.rows.map((r) => r.name)).toEqual(['Garden rake']);
    // The owner sees their own item marked, not offered.
    expect((await t.read(olga.ctx, 'lending.availableItems', { search: 'garden' })).rows[0]).toMatchObject({ name: 'Garden rake', yours: true });

    const typed = rake.code.toLowerCase().replace(/-/g, ' ');
    const found = await t.read(staff, 'lending.lookup', { query: typed });
    expect(found.map((r) => r.item.id)).toEqual([rake.id]);
    expect((await t.read(staff, 'lending.lookup', { query: rake.id })).map((r) => r.item.id)).toEqual([rake.id]);
    expect((await t.read(staff, 'lending.lookup', { query: 'garden r' })).map((r) => r.item.name)).toEqual(['Garden rake']);
  });

  it('staff record an item owned by the site (no owner)', async () => {
    const item = await t.ok(staff, 'lending.submitItem', { name: 'Projector', category: 'tools', ownership: 'site' });
    expect(item).toMatchObject({ ownership: 'site', ownerId: '', ownerName: '', status: 'PENDING_VERIFICATION' });
  });
});

describe('borrowing', () => {
  let item: LendingItem;
  let beaRequest: BorrowRequest;
  let carlRequest: BorrowRequest;

  it('who may ask: not the owner, not twice, not an inactive or blocked person, only available items', async () => {
    item = await availableItem('Pressure washer');
    await t.fail(olga.ctx, 'lending.requestBorrow', { itemId: item.id }, 'FORBIDDEN');
    await t.fail(bea.ctx, 'lending.requestBorrow', { itemId: item.id, borrowerId: carl.personId }, 'FORBIDDEN');
    const waiting = await t.ok(olga.ctx, 'lending.submitItem', { name: 'Not yet inspected', category: 'tools' });
    await t.fail(bea.ctx, 'lending.requestBorrow', { itemId: waiting.id }, 'INVALID_TRANSITION');

    beaRequest = await t.ok(bea.ctx, 'lending.requestBorrow', { itemId: item.id });
    expect(beaRequest).toMatchObject({ status: 'PENDING', itemName: 'Pressure washer', requesterName: 'Bea Borrower', dueAt: null });
    await t.fail(bea.ctx, 'lending.requestBorrow', { itemId: item.id }, 'CONFLICT');
    carlRequest = await t.ok(carl.ctx, 'lending.requestBorrow', { itemId: item.id });

    const dora = await t.ok(staff, 'people.create', { name: 'Dora Inactive', email: 'dora@example.com', phone: '' });
    await t.ok(staff, 'people.deactivate', { id: dora.id });
    const e = await t.fail(staff, 'lending.requestBorrow', { itemId: item.id, borrowerId: dora.id }, 'FORBIDDEN');
    expect(e.message).toBe('Dora Inactive is inactive and cannot borrow.');

    expect((await t.read(bea.ctx, 'lending.availableItems', { search: 'pressure' })).rows[0]).toMatchObject({ requested: true });
    expect((await t.read(bea.ctx, 'lending.myLoans', {})).map((r) => r.id)).toContain(beaRequest.id);
    // A customer sees only their own.
    expect((await t.read(carl.ctx, 'lending.myLoans', {})).map((r) => r.id)).not.toContain(beaRequest.id);
  });

  it('only managers decide; a second approval of the same item is refused with a clear message and changes nothing', async () => {
    await t.fail(staff, 'lending.approveBorrow', { requestId: beaRequest.id }, 'FORBIDDEN');
    const approved = await t.ok(manager, 'lending.approveBorrow', { requestId: beaRequest.id });
    expect(approved).toMatchObject({ status: 'APPROVED', decidedByName: 'Mia Manager' });
    expect((await t.read(staff, 'lending.item', { itemId: item.id })).item.status).toBe('RESERVED');

    const auditBefore = (await t.read(admin, 'audit.list', { limit: 1000 })).length;
    const e = await t.fail(manager, 'lending.approveBorrow', { requestId: carlRequest.id }, 'INVALID_TRANSITION');
    expect(e.message).toBe('Pressure washer is already reserved for Bea Borrower: only one approved request per item. Deny this one, or approve it after the item is back.');
    expect((await t.read(staff, 'lending.request', { requestId: carlRequest.id })).request.status).toBe('PENDING');
    expect((await t.read(admin, 'audit.list', { limit: 1000 })).length).toBe(auditBefore);

    // The request page shows who holds the item.
    const page = await t.read(staff, 'lending.request', { requestId: carlRequest.id });
    expect(page.holder?.id).toBe(beaRequest.id);
    expect(page.borrower).toMatchObject({ name: 'Carl Second', email: 'carl@example.com', active: true, blocked: false });
  });

  it('a denial needs a reason, which the borrower sees', async () => {
    const e = await t.fail(manager, 'lending.denyBorrow', { requestId: carlRequest.id, reason: '  ' }, 'VALIDATION');
    expect(e.fields).toEqual({ reason: 'Say why the request is denied' });
    await t.ok(manager, 'lending.denyBorrow', { requestId: carlRequest.id, reason: 'Already promised to someone else' });
    const mine = await t.read(carl.ctx, 'lending.myLoans', {});
    expect(mine.find((r) => r.id === carlRequest.id)).toMatchObject({ status: 'DENIED', reason: 'Already promised to someone else' });
  });

  it('check-out sets the due date from the site’s loan days; the item is out', async () => {
    const before = clockNow();
    const out = await t.ok(staff, 'lending.checkOut', { requestId: beaRequest.id });
    expect(out.status).toBe('CHECKED_OUT');
    expect(out.dueAt! - out.checkedOutAt!).toBe(7 * DAY_MS);
    expect(out.checkedOutAt!).toBeGreaterThanOrEqual(before);
    expect((await t.read(bea.ctx, 'lending.myLoans', {})).find((r) => r.id === beaRequest.id)).toMatchObject({ status: 'CHECKED_OUT', dueAt: out.dueAt, daysOverdue: 0 });
    expect((await t.read(staff, 'lending.item', { itemId: item.id })).item.status).toBe('CHECKED_OUT');
    // An item out cannot be withdrawn.
    await t.fail(olga.ctx, 'lending.withdrawItem', { itemId: item.id }, 'INVALID_TRANSITION');
    expect(await t.read(staff, 'lending.counts', {})).toMatchObject({ out: 1, overdue: 0 });
  });

  it('overdue: the clock moves past the due date and the loan shows with days overdue and the borrower’s contact', async () => {
    expect((await t.read(staff, 'lending.overdue', {})).rows).toEqual([]);
    t.core.testHooks!.advanceClock(9 * DAY_MS + 60_000);
    const overdue = await t.read(staff, 'lending.overdue', {});
    expect(overdue.rows).toMatchObject([{ id: beaRequest.id, daysOverdue: 3, borrowerEmail: 'bea@example.com', borrowerPhone: '+34612345678', itemName: 'Pressure washer' }]);
    expect(await t.read(staff, 'lending.counts', {})).toMatchObject({ out: 1, overdue: 1 });
  });

  it('check-in at 2: returned late with the days recorded, the item goes back to inspection', async () => {
    const back = await t.ok(staff, 'lending.checkIn', { requestId: beaRequest.id, condition: 2, notes: 'Hose split' });
    expect(back).toMatchObject({ status: 'RETURNED', returnCondition: 2, late: true, daysOverdue: 3 });
    const view = await t.read(staff, 'lending.item', { itemId: item.id });
    expect(view.item).toMatchObject({ status: 'PENDING_VERIFICATION', condition: 2 });
    expect(view.inspections.map((i) => [i.stage, i.condition])).toEqual([
      ['return', 2],
      ['intake', 4],
    ]);
    expect(view.loans.map((l) => [l.requesterName, l.status])).toEqual([
      ['Carl Second', 'DENIED'],
      ['Bea Borrower', 'RETURNED'],
    ]);
    expect((await t.read(staff, 'lending.inspectionQueue', {})).rows.map((r) => r.id)).toContain(item.id);
    expect(await itemActions(item.id)).toEqual(['item.submit', 'item.inspect', 'item.reserve', 'item.checkOut', 'item.return']);
    expect((await t.read(admin, 'audit.list', { entityId: beaRequest.id, limit: 100 })).map((e) => e.action).reverse()).toEqual([
      'borrow.request',
      'borrow.approve',
      'borrow.checkOut',
      'borrow.checkIn',
    ]);
    expect((await t.read(staff, 'lending.overdue', {})).rows).toEqual([]);
  });

  it('the loan period is what the admin set', async () => {
    await t.ok(admin, 'settings.update', { loanDays: 14 });
    const drill = await availableItem('Drill 14');
    const r = await t.ok(bea.ctx, 'lending.requestBorrow', { itemId: drill.id });
    await t.ok(manager, 'lending.approveBorrow', { requestId: r.id });
    const out = await t.ok(staff, 'lending.checkOut', { requestId: r.id });
    expect(out.dueAt! - out.checkedOutAt!).toBe(14 * DAY_MS);
    const back = await t.ok(staff, 'lending.checkIn', { requestId: r.id, condition: 5 });
    expect(back).toMatchObject({ late: false, daysOverdue: 0 });
    expect((await t.read(staff, 'lending.item', { itemId: drill.id })).item).toMatchObject({ status: 'AVAILABLE', condition: 5 });
    await t.ok(admin, 'settings.update', { loanDays: 7 });
  });
});

describe('cancelling and withdrawing', () => {
  it('a borrower cancels their own pending request, not someone else’s', async () => {
    const item = await availableItem('Tent');
    const r = await t.ok(bea.ctx, 'lending.requestBorrow', { itemId: item.id });
    await t.fail(carl.ctx, 'lending.cancelBorrow', { requestId: r.id }, 'NOT_FOUND');
    expect(await t.ok(bea.ctx, 'lending.cancelBorrow', { requestId: r.id })).toMatchObject({ status: 'CANCELLED', reason: 'Cancelled by the borrower.' });
    await t.fail(bea.ctx, 'lending.cancelBorrow', { requestId: r.id }, 'INVALID_TRANSITION');
  });

  it('cancelling an approved request releases the item', async () => {
    const item = await availableItem('Ladder');
    const r = await t.ok(bea.ctx, 'lending.requestBorrow', { itemId: item.id });
    await t.ok(manager, 'lending.approveBorrow', { requestId: r.id });
    await t.ok(staff, 'lending.cancelBorrow', { requestId: r.id });
    expect((await t.read(staff, 'lending.item', { itemId: item.id })).item.status).toBe('AVAILABLE');
  });

  it('the owner withdraws an item; its open requests end with a reason; nobody else may withdraw it', async () => {
    const item = await availableItem('Sewing machine');
    const r = await t.ok(bea.ctx, 'lending.requestBorrow', { itemId: item.id });
    await t.fail(bea.ctx, 'lending.withdrawItem', { itemId: item.id }, 'NOT_FOUND');
    expect(await t.ok(olga.ctx, 'lending.withdrawItem', { itemId: item.id })).toMatchObject({ status: 'WITHDRAWN' });
    expect((await t.read(bea.ctx, 'lending.myLoans', {})).find((x) => x.id === r.id)).toMatchObject({ status: 'CANCELLED', reason: 'The owner withdrew the item.' });
  });
});

describe('one at a time', () => {
  it('two simultaneous approvals for one item: exactly one wins', async () => {
    const item = await t.ok(staff, 'lending.submitItem', { name: 'Canoe', category: 'tools', ownership: 'site' });
    await t.ok(staff, 'lending.inspect', { itemId: item.id, condition: 5 });
    const a = await t.ok(staff, 'lending.requestBorrow', { itemId: item.id, borrowerId: bea.personId });
    const dora = await t.ok(staff, 'people.create', { name: 'Eva Active', email: 'eva@example.com', phone: '' });
    const b = await t.ok(staff, 'lending.requestBorrow', { itemId: item.id, borrowerId: dora.id });
    const results = await Promise.all([t.call(manager, 'lending.approveBorrow', { requestId: a.id }), t.call(manager, 'lending.approveBorrow', { requestId: b.id })]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'INVALID_TRANSITION')).toHaveLength(1);
  });
});

describe('live lists', () => {
  it('the kiosk catalogue and the desk’s queue update when another window changes them', async () => {
    const catalogue = t.watch(bea.ctx, 'lending.availableItems', { search: 'live' });
    const queue = t.watch(staff, 'lending.inspectionQueue', {});
    const counts = t.watch(staff, 'lending.counts', {});
    try {
      await catalogue.waitForValue((v) => v.rows.length === 0);
      const start = await counts.waitForValue(() => true);
      const item = await t.ok(olga.ctx, 'lending.submitItem', { name: 'Live speaker', category: 'tools' });
      await queue.waitForValue((v) => v.rows.some((r) => r.id === item.id));
      await counts.waitForValue((v) => v.waitingInspection === start.waitingInspection + 1);
      await t.ok(staff, 'lending.inspect', { itemId: item.id, condition: 3 });
      await catalogue.waitForValue((v) => v.rows.some((r) => r.name === 'Live speaker'));
      await queue.waitForValue((v) => !v.rows.some((r) => r.id === item.id));
    } finally {
      catalogue.stop();
      queue.stop();
      counts.stop();
    }
  });
});

describe('blocked people', () => {
  it('a blocked borrower cannot be approved or handed an item', async () => {
    const item = await availableItem('Kayak');
    const r = await t.ok(carl.ctx, 'lending.requestBorrow', { itemId: item.id });
    const mgr = await signIn(t, MANAGER);
    await t.ok(mgr, 'people.block', { id: carl.personId, reason: 'Returned the last two items damaged' });
    const e = await t.fail(mgr, 'lending.approveBorrow', { requestId: r.id }, 'FORBIDDEN');
    expect(e.message).toBe('Carl Second is blocked and cannot borrow.');
    expect((await t.read(mgr, 'lending.request', { requestId: r.id })).borrower).toMatchObject({ blocked: true });
    const kiosk = await customerSignIn(t, { email: 'carl@example.com', pin: '4321' });
    const other = await availableItem('Paddle', 'tools', { ctx: await customerSignIn(t, { email: 'olga@example.com', pin: '4321' }), personId: olga.personId });
    const e2 = await t.fail(kiosk, 'lending.requestBorrow', { itemId: other.id }, 'FORBIDDEN');
    expect(e2.message).toBe('You cannot borrow at the moment. Please ask at the front desk.');
  });
});
