import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import { openDatabase } from '../../electron/core/db/database';
import { TestCore, customerSignIn, diffDumps, registerCustomer, setUpStation, signIn, type Station } from '../helpers/core';

const CARLA = { name: 'Carla Cliente', email: 'carla@example.com', phone: '', pin: '4444' };
const DIEGO = { name: 'Diego Vecino', email: 'diego@example.com', phone: '', pin: '5555' };
const TOM = { username: 'tom', displayName: 'Tom Colleague', role: 'staff', password: 'tom-password-11', pin: '7777' } as const;

let t: TestCore;
let st: Station;
let staff: CallContext;
let manager: CallContext;
let admin: CallContext;
let tom: CallContext;
let carla: CallContext;
let carlaPersonId: string;
let diego: CallContext;

const tick = () => t.core.testHooks!.advanceClock(1000);

beforeAll(async () => {
  t = await TestCore.create({ enableTestHooks: true });
  st = await setUpStation(t);
  ({ staff, manager, admin } = st);
  await t.ok(admin, 'accounts.create', { ...TOM });
  tom = await signIn(t, TOM);
  const c = await registerCustomer(t, CARLA);
  carla = c.ctx;
  carlaPersonId = c.session.personId!;
  diego = (await registerCustomer(t, DIEGO)).ctx;
});
afterAll(() => t.dispose());

describe('drafting', () => {
  it('refuses bad input field by field, and a category that is not in the settings, writing nothing', async () => {
    const mineBefore = await t.read(carla, 'requests.mine', {});
    const e = await t.fail(carla, 'requests.createDraft', { title: '  ', category: '' }, 'VALIDATION');
    expect(e.fields).toEqual({ title: 'Give the request a short title', category: 'Choose a category' });
    const cat = await t.fail(carla, 'requests.createDraft', { title: 'A parking space', category: 'Parking' }, 'VALIDATION');
    expect(cat.fields?.category).toBe('Choose one of the categories: General, Maintenance, Facilities, Equipment, Other');
    const who = await t.fail(staff, 'requests.createDraft', { title: 'Headset', category: 'Equipment', assigneeId: st.staffId }, 'VALIDATION');
    expect(who.fields?.assigneeId).toBe('Choose an active manager or admin');
    expect(await t.read(carla, 'requests.mine', {})).toEqual(mineBefore);
  });

  it('a customer drafts for themselves at the kiosk: the category is spelled as configured, the defaults are filled', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Bike rack in the yard', category: 'facilities' });
    expect(r).toMatchObject({
      status: 'DRAFT',
      deleted: false,
      category: 'Facilities',
      priority: 'normal',
      description: '',
      attachments: [],
      requesterId: carlaPersonId,
      requesterName: 'Carla Cliente',
      createdByName: 'Carla Cliente',
      forCustomer: true,
      onBehalf: false,
      allowed: ['edit', 'submit', 'delete'],
    });
    const mine = await t.read(carla, 'requests.mine', {});
    expect(mine.rows.map((x) => x.id)).toContain(r.id);
  });

  it('staff draft for themselves (requester = their account) with an assigned manager and attachment references', async () => {
    const r = await t.ok(staff, 'requests.createDraft', {
      title: 'New headset',
      category: 'Equipment',
      priority: 'high',
      attachments: ['quote-2024-117.pdf', 'https://shop.example/headset'],
      assigneeId: st.managerId,
    });
    expect(r).toMatchObject({ requesterId: `account:${st.staffId}`, requesterName: 'Sam Staff', forCustomer: false, assigneeName: 'Mia Manager', priority: 'high' });
    expect(r.attachments).toHaveLength(2);
    expect((await t.read(staff, 'requests.mine', {})).rows[0].id).toBe(r.id);
    // A colleague does not see a staff member's own request; a manager does.
    await expectTopicError(tom, r.id, 'FORBIDDEN');
    expect((await t.read(manager, 'requests.get', { id: r.id })).title).toBe('New headset');
  });

  it('an old category removed from the settings stays on a draft until it is changed', async () => {
    const r = await t.ok(staff, 'requests.createDraft', { title: 'Old category', category: 'Other' });
    await t.ok(admin, 'settings.update', { requestCategories: ['General', 'Maintenance', 'Facilities', 'Equipment'] });
    try {
      await t.ok(staff, 'requests.updateDraft', { id: r.id, title: 'Old category, edited' });
      const e = await t.fail(staff, 'requests.updateDraft', { id: r.id, category: 'Parking' }, 'VALIDATION');
      expect(e.fields?.category).toEqual(expect.any(String));
      await t.fail(staff, 'requests.createDraft', { title: 'New with old category', category: 'Other' }, 'VALIDATION');
    } finally {
      await t.ok(admin, 'settings.update', { requestCategories: ['General', 'Maintenance', 'Facilities', 'Equipment', 'Other'] });
    }
  });
});

async function expectTopicError(ctx: CallContext, id: string, code: string, topic: 'requests.get' | 'requests.trail' = 'requests.get') {
  const w = t.watch(ctx, topic, { id });
  try {
    expect(await w.waitFor(() => true)).toMatchObject({ ok: false, error: { code } });
  } finally {
    w.stop();
  }
}

describe('customers only ever see and change their own', () => {
  it('another customer can neither read nor act on Carla’s request, and nothing changes', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Quiet hours', category: 'General' });
    await expectTopicError(diego, r.id, 'FORBIDDEN');
    await expectTopicError(diego, r.id, 'FORBIDDEN', 'requests.trail');
    for (const [method, input] of [
      ['requests.updateDraft', { id: r.id, title: 'Hijacked' }],
      ['requests.submit', { id: r.id }],
      ['requests.deleteDraft', { id: r.id }],
      ['requests.withdraw', { id: r.id }],
    ] as const) {
      expect(await t.fail(diego, method, input, 'FORBIDDEN')).toMatchObject({ message: 'This request is not yours.' });
    }
    expect((await t.read(diego, 'requests.mine', {})).rows.map((x) => x.id)).not.toContain(r.id);
    expect(await t.read(carla, 'requests.get', { id: r.id })).toMatchObject({ title: 'Quiet hours', status: 'DRAFT' });
  });

  it('an unknown id is NOT_FOUND; a borrow request is not a general request', async () => {
    await t.fail(carla, 'requests.submit', { id: 'no-such-request' }, 'NOT_FOUND');
    await expectTopicError(carla, 'no-such-request', 'NOT_FOUND');
  });
});

describe('on behalf of a customer', () => {
  it('staff draft for a customer (recorded as such); the customer sees it but cannot edit or submit it; staff submit; the customer withdraws', async () => {
    const r = await t.ok(staff, 'requests.createOnBehalf', { personId: carlaPersonId, title: 'Spare key', description: 'Asked at the desk', category: 'General' });
    expect(r).toMatchObject({ requesterId: carlaPersonId, requesterName: 'Carla Cliente', createdBy: st.staffId, createdByName: 'Sam Staff', onBehalf: true, forCustomer: true });
    expect((await t.read(staff, 'requests.forPerson', { personId: carlaPersonId })).rows.map((x) => x.id)).toContain(r.id);

    const seen = await t.read(carla, 'requests.get', { id: r.id });
    expect(seen).toMatchObject({ onBehalf: true, allowed: [] });
    expect((await t.read(carla, 'requests.mine', {})).rows.map((x) => x.id)).toContain(r.id);
    await t.fail(carla, 'requests.updateDraft', { id: r.id, title: 'Mine now' }, 'FORBIDDEN');
    await t.fail(carla, 'requests.submit', { id: r.id }, 'FORBIDDEN');
    await t.fail(carla, 'requests.deleteDraft', { id: r.id }, 'FORBIDDEN');

    await t.ok(staff, 'requests.submit', { id: r.id });
    expect((await t.read(carla, 'requests.get', { id: r.id })).allowed).toEqual(['withdraw']);
    await t.fail(diego, 'requests.withdraw', { id: r.id }, 'FORBIDDEN');
    expect(await t.ok(carla, 'requests.withdraw', { id: r.id })).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: expect.any(Number) });
    const trail = await t.read(carla, 'requests.trail', { id: r.id });
    expect(trail.entries.map((e) => [e.action, e.actorName, e.from, e.to])).toEqual([
      ['request.create', 'Sam Staff', null, 'DRAFT'],
      ['request.submit', 'Sam Staff', 'DRAFT', 'SUBMITTED'],
      ['request.withdraw', 'Carla Cliente', 'SUBMITTED', 'WITHDRAWN'],
    ]);
  });

  it('refuses a deleted or inactive person, and staff-only creation from the kiosk', async () => {
    const p = await t.ok(staff, 'people.create', { name: 'Ines Inactiva', email: '', phone: '' });
    await t.ok(staff, 'people.deactivate', { id: p.id });
    expect((await t.fail(staff, 'requests.createOnBehalf', { personId: p.id, title: 'X', category: 'General' }, 'VALIDATION')).fields?.personId).toMatch(/inactive/);
    expect((await t.fail(staff, 'requests.createOnBehalf', { personId: 'nobody', title: 'X', category: 'General' }, 'VALIDATION')).fields?.personId).toBe('Choose a customer from the list');
    await t.fail(carla, 'requests.createOnBehalf', { personId: carlaPersonId, title: 'X', category: 'General' }, 'FORBIDDEN');
  });
});

describe('deciding', () => {
  it('rejecting needs a reason; the decision records who, when and why, and the customer sees it', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Paint the hallway', category: 'Maintenance' });
    await t.ok(carla, 'requests.submit', { id: r.id });
    const e = await t.fail(manager, 'requests.reject', { id: r.id, reason: '   ' }, 'VALIDATION');
    expect(e.fields).toEqual({ reason: 'Give a reason for the rejection' });
    expect((await t.fail(manager, 'requests.reject', { id: r.id }, 'VALIDATION')).fields?.reason).toEqual(expect.any(String));
    expect((await t.read(carla, 'requests.get', { id: r.id })).status).toBe('SUBMITTED');

    await tick();
    const rejected = await t.ok(manager, 'requests.reject', { id: r.id, reason: 'Planned for spring' });
    expect(rejected).toMatchObject({ status: 'REJECTED', decidedBy: st.managerId, decidedByName: 'Mia Manager', reason: 'Planned for spring', decidedAt: expect.any(Number) });
    expect(await t.read(carla, 'requests.get', { id: r.id })).toMatchObject({ status: 'REJECTED', reason: 'Planned for spring', decidedByName: 'Mia Manager', allowed: [] });
    const trail = await t.read(carla, 'requests.trail', { id: r.id });
    expect(trail.intact).toBe(true);
    expect(trail.entries.at(-1)).toMatchObject({ action: 'request.reject', actorName: 'Mia Manager', from: 'SUBMITTED', to: 'REJECTED', reason: 'Planned for spring', verified: true });
  });

  it('staff cannot approve (the contract refuses their role); a manager cannot decide a request they created, another manager can', async () => {
    const own = await t.ok(manager, 'requests.createDraft', { title: 'Team lunch budget', category: 'Other' });
    await t.ok(manager, 'requests.submit', { id: own.id });
    expect(await t.fail(staff, 'requests.approve', { id: own.id }, 'FORBIDDEN')).toMatchObject({ message: 'Your role does not allow this.' });
    expect(await t.fail(manager, 'requests.approve', { id: own.id }, 'FORBIDDEN')).toMatchObject({ message: 'You cannot decide a request you created.' });
    expect((await t.read(manager, 'requests.get', { id: own.id })).allowed).toEqual(['withdraw']);
    const inbox = await t.read(manager, 'approvals.inbox', {});
    expect(inbox.rows.find((x) => x.id === own.id)).toMatchObject({ own: true });
    expect(await t.ok(admin, 'requests.approve', { id: own.id })).toMatchObject({ status: 'APPROVED', decidedByName: 'Ada Admin', reason: null });
  });

  it('two decisions at once: exactly one wins, the other is told it is no longer waiting', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Race', category: 'General' });
    await t.ok(carla, 'requests.submit', { id: r.id });
    const results = await Promise.all([t.call(manager, 'requests.approve', { id: r.id }), t.call(admin, 'requests.reject', { id: r.id, reason: 'No' }), t.call(carla, 'requests.withdraw', { id: r.id })]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok).map((x) => (x.ok ? null : x.error.code))).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION']);
    const trail = await t.read(manager, 'requests.trail', { id: r.id });
    expect(trail.entries).toHaveLength(3);
  });
});

describe('soft delete and restore', () => {
  it('a deleted draft leaves every list but the admin’s; the admin restores it as a draft; every step is in the trail', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Changed my mind', category: 'General' });
    await tick();
    expect(await t.ok(carla, 'requests.deleteDraft', { id: r.id })).toMatchObject({ deleted: true, status: 'DRAFT', deletedAt: expect.any(Number) });
    expect((await t.read(carla, 'requests.mine', {})).rows.map((x) => x.id)).not.toContain(r.id);
    await expectTopicError(carla, r.id, 'NOT_FOUND');
    await expectTopicError(manager, r.id, 'NOT_FOUND');
    const deleted = await t.read(admin, 'requests.deleted', {});
    expect(deleted.rows[0]).toMatchObject({ id: r.id, title: 'Changed my mind', allowed: ['restore'] });
    await t.fail(manager, 'requests.restore', { id: r.id }, 'FORBIDDEN');

    expect(await t.ok(admin, 'requests.restore', { id: r.id })).toMatchObject({ deleted: false, status: 'DRAFT', deletedAt: null });
    expect((await t.read(admin, 'requests.deleted', {})).rows.map((x) => x.id)).not.toContain(r.id);
    expect((await t.read(carla, 'requests.get', { id: r.id })).allowed).toEqual(['edit', 'submit', 'delete']);
    const trail = await t.read(carla, 'requests.trail', { id: r.id });
    expect(trail.entries.map((e) => [e.action, e.from, e.to])).toEqual([
      ['request.create', null, 'DRAFT'],
      ['request.delete', 'DRAFT', 'DELETED'],
      ['request.restore', 'DELETED', 'DRAFT'],
    ]);
    expect((await t.ok(admin, 'audit.verify', {})).ok).toBe(true);
  });

  it('an edit shows in the trail with the fields it changed', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Typo', category: 'General' });
    await t.ok(carla, 'requests.updateDraft', { id: r.id, title: 'No typo', priority: 'low' });
    const trail = await t.read(carla, 'requests.trail', { id: r.id });
    expect(trail.entries.at(-1)).toMatchObject({ action: 'request.edit', from: 'DRAFT', to: 'DRAFT', changed: ['title', 'priority'] });
  });
});

describe('the approvals inbox', () => {
  it('lists submitted general and pending borrow requests together, oldest first, filtered by kind and category; the count agrees', async () => {
    // A clean slate for this block: decide everything still waiting.
    for (const row of (await t.read(manager, 'approvals.inbox', { limit: 1000 })).rows) {
      if (row.kind === 'general') await t.ok(row.own ? admin : manager, 'requests.approve', { id: row.id });
    }
    const now = Date.now();
    const a = await t.ok(carla, 'requests.createDraft', { title: 'First: general', category: 'Maintenance' });
    const b = await t.ok(diego, 'requests.createDraft', { title: 'Third: general', category: 'Facilities' });
    await t.ok(carla, 'requests.submit', { id: a.id });
    await t.ok(diego, 'requests.submit', { id: b.id });
    const [aDoc, bDoc] = [await t.read(carla, 'requests.get', { id: a.id }), await t.read(diego, 'requests.get', { id: b.id })];

    // Lending's borrow requests live in the same collection; write two straight into the store.
    await t.withCoreClosed(async (dir) => {
      const db = await openDatabase(dir);
      try {
        const base = { createdBy: 'test', deviceId: 'test' };
        await db.catalog.insert({ id: 'item-drill', ...base, createdAt: now, updatedAt: now, kind: 'item', name: 'Cordless drill', nameKey: 'cordless drill', status: 'AVAILABLE', ownerId: '', category: '', deleted: false });
        const borrow = (id: string, createdAt: number, status: string) => ({ id, ...base, createdAt, updatedAt: createdAt, kind: 'borrow', status, requesterId: carlaPersonId, itemId: 'item-drill', category: '', dueAt: 0, deleted: false });
        await db.requests.insert(borrow('borrow-second', aDoc.createdAt + 1, 'PENDING'));
        await db.requests.insert(borrow('borrow-last', bDoc.createdAt + 1, 'PENDING'));
        await db.requests.insert(borrow('borrow-approved', aDoc.createdAt + 2, 'APPROVED'));
      } finally {
        await db.close();
      }
    });
    manager = await signIn(t, { username: 'mia', password: 'manager-password-1' });
    staff = await signIn(t, { username: 'sam', password: 'staff-password-1' });
    carla = await customerSignIn(t, CARLA);

    const all = await t.read(manager, 'approvals.inbox', {});
    expect(all.rows.map((r) => [r.kind, r.title, r.requesterName])).toEqual([
      ['general', 'First: general', 'Carla Cliente'],
      ['borrow', 'Cordless drill', 'Carla Cliente'],
      ['general', 'Third: general', 'Diego Vecino'],
      ['borrow', 'Cordless drill', 'Carla Cliente'],
    ]);
    expect(all).toMatchObject({ total: 4, more: false });
    expect((await t.read(manager, 'approvals.inbox', { kind: 'borrow' })).rows.map((r) => r.id)).toEqual(['borrow-second', 'borrow-last']);
    expect((await t.read(manager, 'approvals.inbox', { kind: 'general' })).rows.map((r) => r.id)).toEqual([a.id, b.id]);
    expect((await t.read(manager, 'approvals.inbox', { category: 'Facilities' }))).toMatchObject({ rows: [{ id: b.id, category: 'Facilities' }], total: 1 });
    expect((await t.read(manager, 'approvals.inbox', { limit: 2 }))).toMatchObject({ more: true, total: 4, rows: [{ id: a.id }, { id: 'borrow-second' }] });
    expect(await t.read(staff, 'approvals.count', {})).toEqual({ general: 2, borrow: 2, total: 4 });

    // Live: a decision takes the row out and the count down.
    const count = t.watch(staff, 'approvals.count', {});
    await t.ok(manager, 'requests.approve', { id: a.id });
    await count.waitForValue((v) => v.total === 3);
    count.stop();
  });

  it('is for managers and admins only', async () => {
    const w = t.watch(staff, 'approvals.inbox', {});
    expect(await w.waitFor(() => true)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    w.stop();
  });
});

describe('a refused action changes nothing', () => {
  it('store identical after refused calls of every kind', async () => {
    const r = await t.ok(carla, 'requests.createDraft', { title: 'Untouched', category: 'General' });
    await t.ok(carla, 'requests.submit', { id: r.id });
    const before = await t.dumpStore();
    const [c, s2, m] = await Promise.all([customerSignIn(t, CARLA), signIn(t, { username: 'sam', password: 'staff-password-1' }), signIn(t, { username: 'mia', password: 'manager-password-1' })]);
    await t.fail(c, 'requests.updateDraft', { id: r.id, title: 'Too late' }, 'INVALID_TRANSITION');
    await t.fail(c, 'requests.deleteDraft', { id: r.id }, 'INVALID_TRANSITION');
    await t.fail(s2, 'requests.approve', { id: r.id }, 'FORBIDDEN');
    await t.fail(m, 'requests.reject', { id: r.id, reason: '' }, 'VALIDATION');
    await t.fail(m, 'requests.restore', { id: r.id }, 'FORBIDDEN');
    const after = await t.dumpStore();
    const changes = diffDumps(before, after).filter((ch) => !(ch.collection === 'audit' && ch.change === 'added' && (after.audit[ch.id] as { action: string }).action === 'auth.signIn'));
    expect(changes).toEqual([]);
  });
});
