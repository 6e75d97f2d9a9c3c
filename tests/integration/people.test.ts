import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import type { Person } from '../../shared/contract';
import { ADMIN, TestCore, customerSignIn, registerCustomer, setUpStation, signIn, type Station } from '../helpers/core';

let t: TestCore;
let st: Station;
let staff: CallContext;
let manager: CallContext;
let admin: CallContext;

beforeAll(async () => {
  t = await TestCore.create({ enableTestHooks: true });
  st = await setUpStation(t);
  ({ staff, manager, admin } = st);
});
afterAll(() => t.dispose());

const auditCount = async () => (await t.read(admin, 'audit.list', { limit: 1000 })).length;
const auditOf = async (entityId: string) => (await t.read(admin, 'audit.list', { entityId, limit: 1000 })).slice().sort((a, b) => a.seq - b.seq);
const list = (search: string, status: 'active' | 'inactive' | 'all' | 'deleted' = 'active') => t.read(staff, 'people.list', { search, status });
const idsOf = (r: { rows: { id: string }[] }) => r.rows.map((row) => row.id);
const create = (name: string, email = '', phone = '', address = '') => t.ok(staff, 'people.create', { name, email, phone, address });

describe('creating a person', () => {
  it('refuses invalid input field by field and saves nothing', async () => {
    const statsBefore = await t.read(staff, 'people.stats', {});
    const auditBefore = await auditCount();

    const e = await t.fail(staff, 'people.create', { name: '   ', email: 'not-an-email', phone: '612 345 678' }, 'VALIDATION');
    expect(e.fields).toEqual({
      name: 'Name is required',
      email: 'Enter a valid email address, like name@example.com',
      phone: 'Enter the phone in international form, like +34 612 345 678',
    });
    const e2 = await t.fail(staff, 'people.create', { name: 'x'.repeat(121), email: 'a@b', phone: '+34 12' }, 'VALIDATION');
    expect(Object.keys(e2.fields ?? {}).sort()).toEqual(['email', 'name', 'phone']);

    expect(await t.read(staff, 'people.stats', {})).toEqual(statsBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('saves a valid person: trimmed, phone in E.164, active, and writes an audit entry', async () => {
    const p = await t.ok(staff, 'people.create', { name: '  Valeria Núñez ', email: ' valeria@example.com ', phone: '+34 612 345 678' });
    expect(p).toMatchObject({ name: 'Valeria Núñez', email: 'valeria@example.com', phone: '+34612345678', address: '', active: true, blocked: false, deletedAt: null, mergedInto: null });
    expect(await t.ok(staff, 'people.get', { id: p.id })).toEqual(p);
    const [entry] = await auditOf(p.id);
    expect(entry).toMatchObject({ action: 'person.create', entity: 'person', actorId: st.staffId, before: null, after: p });
  });

  it('people.get of an unknown id is NOT_FOUND', async () => {
    await t.fail(staff, 'people.get', { id: 'no-such-person' }, 'NOT_FOUND');
  });
});

describe('email is unique among active people', () => {
  it('refuses a second active person with the same email (any case), allows it once the first is inactive', async () => {
    const first = await create('Lucía Primera', 'lucia@example.com');
    const clash = await t.fail(staff, 'people.create', { name: 'Lucía Segunda', email: ' LUCIA@example.com', phone: '' }, 'CONFLICT');
    expect(clash.fields?.email).toEqual(expect.any(String));

    await t.ok(staff, 'people.deactivate', { id: first.id });
    const second = await create('Lucía Segunda', 'lucia@example.com');

    // The first cannot come back while the second is active with that email.
    const back = await t.fail(staff, 'people.reactivate', { id: first.id }, 'CONFLICT');
    expect(back.fields?.email).toEqual(expect.any(String));
    expect((await t.ok(staff, 'people.get', { id: first.id })).active).toBe(false);

    // Nor may someone else take it by editing.
    const third = await create('Lucía Tercera', 'lucia3@example.com');
    const edit = await t.fail(staff, 'people.update', { id: third.id, email: 'Lucia@Example.com' }, 'CONFLICT');
    expect(edit.fields?.email).toEqual(expect.any(String));
    expect((await t.ok(staff, 'people.get', { id: third.id })).email).toBe('lucia3@example.com');

    // A deleted person frees the email as well.
    await t.ok(staff, 'people.delete', { id: second.id });
    await t.ok(staff, 'people.reactivate', { id: first.id });
  });
});

describe('changing a person', () => {
  it('updates fields, refuses invalid ones, and audits each change with before and after', async () => {
    const p = await create('Tomás Viejo', 'tomas@example.com', '+34 600 100 100');
    const updated = await t.ok(staff, 'people.update', { id: p.id, name: 'Tomás Nuevo', phone: '+44 20 7946 0958', address: 'Calle Luna 3' });
    expect(updated).toMatchObject({ name: 'Tomás Nuevo', email: 'tomas@example.com', phone: '+442079460958', address: 'Calle Luna 3' });
    expect(updated.updatedAt).toBeGreaterThanOrEqual(p.updatedAt);

    const e = await t.fail(staff, 'people.update', { id: p.id, email: 'nope', phone: '600' }, 'VALIDATION');
    expect(Object.keys(e.fields ?? {}).sort()).toEqual(['email', 'phone']);
    await t.fail(staff, 'people.update', { id: 'missing', name: 'X' }, 'NOT_FOUND');
    expect(await t.ok(staff, 'people.get', { id: p.id })).toEqual(updated);

    const entries = await auditOf(p.id);
    expect(entries.map((a) => a.action)).toEqual(['person.create', 'person.update']);
    expect(entries[1]).toMatchObject({ before: { name: 'Tomás Viejo' }, after: { name: 'Tomás Nuevo', address: 'Calle Luna 3' } });
  });

  it('deactivates and reactivates; doing either twice is INVALID_TRANSITION', async () => {
    const p = await create('Irene Estado', 'irene@example.com');
    expect((await t.ok(staff, 'people.deactivate', { id: p.id })).active).toBe(false);
    await t.fail(staff, 'people.deactivate', { id: p.id }, 'INVALID_TRANSITION');
    expect(idsOf(await list('Irene'))).not.toContain(p.id);
    expect(idsOf(await list('Irene', 'inactive'))).toContain(p.id);
    expect(idsOf(await list('Irene', 'all'))).toContain(p.id);

    expect((await t.ok(staff, 'people.reactivate', { id: p.id })).active).toBe(true);
    await t.fail(staff, 'people.reactivate', { id: p.id }, 'INVALID_TRANSITION');
    expect(idsOf(await list('Irene'))).toContain(p.id);
    expect((await auditOf(p.id)).map((a) => a.action)).toEqual(['person.create', 'person.deactivate', 'person.reactivate']);
  });

  it('soft-deletes: hidden from active lists, shown in deleted, restorable by an admin only', async () => {
    const p = await create('Óscar Borrado', 'oscar@example.com');
    const deleted = await t.ok(staff, 'people.delete', { id: p.id });
    expect(deleted.deletedAt).toEqual(expect.any(Number));

    expect(idsOf(await list('Oscar'))).not.toContain(p.id);
    expect(idsOf(await list('Oscar', 'all'))).not.toContain(p.id);
    const inDeleted = await list('Oscar', 'deleted');
    expect(inDeleted.rows.find((r) => r.id === p.id)).toMatchObject({ deletedAt: deleted.deletedAt });

    await t.fail(staff, 'people.delete', { id: p.id }, 'INVALID_TRANSITION');
    await t.fail(staff, 'people.update', { id: p.id, name: 'Zombie' }, 'INVALID_TRANSITION');
    await t.fail(staff, 'people.deactivate', { id: p.id }, 'INVALID_TRANSITION');

    await t.fail(staff, 'people.restore', { id: p.id }, 'FORBIDDEN');
    await t.fail(manager, 'people.restore', { id: p.id }, 'FORBIDDEN');
    expect((await t.ok(staff, 'people.get', { id: p.id })).deletedAt).toBe(deleted.deletedAt);

    const restored = await t.ok(admin, 'people.restore', { id: p.id });
    expect(restored).toMatchObject({ deletedAt: null, active: true, name: 'Óscar Borrado' });
    expect(idsOf(await list('Oscar'))).toContain(p.id);
    await t.fail(admin, 'people.restore', { id: p.id }, 'INVALID_TRANSITION');
    expect((await auditOf(p.id)).map((a) => a.action)).toEqual(['person.create', 'person.delete', 'person.restore']);
  });
});

describe('duplicates', () => {
  let ana: Person;
  beforeAll(async () => {
    ana = await create('Ana García', 'ana.garcia@example.com', '+34 600 111 222');
  });

  const reasonsFor = async (input: { name: string; email: string; phone: string; excludeId?: string }) =>
    (await t.ok(staff, 'people.findDuplicates', input)).find((d) => d.person.id === ana.id)?.reasons.slice().sort();

  it('finds the same email (any case), the same phone (any spacing) and similar names', async () => {
    expect(await reasonsFor({ name: 'Ana Garcia', email: '', phone: '' })).toEqual(['name']);
    expect(await reasonsFor({ name: 'Garcia Ana', email: '', phone: '' })).toEqual(['name']);
    expect(await reasonsFor({ name: 'García, Ana', email: '', phone: '' })).toEqual(['name']);
    expect(await reasonsFor({ name: 'Zoe Otra', email: 'ANA.GARCIA@example.com', phone: '' })).toEqual(['email']);
    expect(await reasonsFor({ name: 'Zoe Otra', email: '', phone: '+34600111222' })).toEqual(['phone']);
    expect(await reasonsFor({ name: 'Ana Garcia', email: 'ana.garcia@example.com', phone: '+34 600 11 12 22' })).toEqual(['email', 'name', 'phone']);
  });

  it('does not report unrelated people, the person being edited, or deleted people', async () => {
    expect(await reasonsFor({ name: 'Pedro López', email: 'pedro@example.com', phone: '+34 699 999 999' })).toBeUndefined();
    expect(await reasonsFor({ name: 'Ana García', email: 'ana.garcia@example.com', phone: '', excludeId: ana.id })).toBeUndefined();
    const gone = await create('Ana Garcia Borrada', '', '+34 600 777 888');
    await t.ok(staff, 'people.delete', { id: gone.id });
    const found = await t.ok(staff, 'people.findDuplicates', { name: 'Ana Garcia Borrada', email: '', phone: '+34 600 777 888' });
    expect(found.map((d) => d.person.id)).not.toContain(gone.id);
  });
});

describe('merging duplicates', () => {
  it('a manager merges: the kept record gets the missing fields, the retired one is deleted, a customer account is relinked', async () => {
    const { session } = await registerCustomer(t, { name: 'Marta Ruiz', email: 'marta@example.com', phone: '', pin: '5678' });
    const retiredId = session.personId ?? '';
    const kept = await create('Marta Ruiz', '', '+34 600 333 444', 'Calle Mayor 1');

    await t.fail(staff, 'people.merge', { keepId: kept.id, mergeId: retiredId }, 'FORBIDDEN');
    const v = await t.fail(manager, 'people.merge', { keepId: kept.id, mergeId: kept.id }, 'VALIDATION');
    expect(v.fields?.mergeId).toBe('Choose two different people');
    expect((await t.ok(staff, 'people.get', { id: retiredId })).deletedAt).toBeNull();

    const merged = await t.ok(manager, 'people.merge', { keepId: kept.id, mergeId: retiredId });
    expect(merged).toMatchObject({ id: kept.id, name: 'Marta Ruiz', email: 'marta@example.com', phone: '+34600333444', address: 'Calle Mayor 1', active: true, deletedAt: null });

    const retired = await t.ok(staff, 'people.get', { id: retiredId });
    expect(retired).toMatchObject({ mergedInto: kept.id, active: false, deletedAt: expect.any(Number) });
    expect(idsOf(await list('Marta', 'all'))).toEqual([kept.id]);
    await t.fail(admin, 'people.restore', { id: retiredId }, 'INVALID_TRANSITION');
    await t.fail(manager, 'people.merge', { keepId: kept.id, mergeId: retiredId }, 'INVALID_TRANSITION');

    // The customer signs in again and is now the kept person.
    const kiosk = await customerSignIn(t, { email: 'marta@example.com', pin: '5678' });
    expect((await t.ok(kiosk, 'auth.session', {}))?.personId).toBe(kept.id);
    expect(await t.ok(kiosk, 'kiosk.myProfile', {})).toEqual({ name: 'Marta Ruiz', email: 'marta@example.com', phone: '+34600333444' });

    expect((await auditOf(retiredId)).map((a) => a.action)).toEqual(['person.create', 'person.mergedAway']);
    expect((await auditOf(kept.id)).map((a) => a.action)).toEqual(['person.create', 'person.merge']);
    expect((await auditOf(session.accountId)).map((a) => a.action)).toEqual(['account.create', 'account.relink']);
    expect((await auditOf(session.accountId))[1]).toMatchObject({ actorId: st.managerId, before: { personId: retiredId }, after: { personId: kept.id } });
  });

  // The session follows the merge: a customer signed in during it acts as the kept record.
  it('a customer signed in during the merge is the kept person straight away', async () => {
    const { ctx, session } = await registerCustomer(t, { name: 'Nuria Sanz', email: 'nuria@example.com', phone: '', pin: '5678' });
    const kept = await create('Nuria Sanz', '', '+34 600 555 666');
    await t.ok(manager, 'people.merge', { keepId: kept.id, mergeId: session.personId ?? '' });
    expect((await t.ok(ctx, 'auth.session', {}))?.personId).toBe(kept.id);
    expect((await t.ok(ctx, 'kiosk.myProfile', {})).phone).toBe('+34600555666');
  });
});

describe('the block list', () => {
  it('a manager blocks with a reason and unblocks; staff cannot; each change is audited', async () => {
    const p = await create('Bruno Bloqueado', 'bruno.b@example.com');
    await t.fail(staff, 'people.block', { id: p.id, reason: 'Kept two loans for months' }, 'FORBIDDEN');
    const noReason = await t.fail(manager, 'people.block', { id: p.id, reason: '   ' }, 'VALIDATION');
    expect(noReason.fields?.reason).toBe('Say why the person is blocked');
    expect((await t.ok(staff, 'people.get', { id: p.id })).blocked).toBe(false);

    const blocked = await t.ok(manager, 'people.block', { id: p.id, reason: 'Kept two loans for months' });
    expect(blocked).toMatchObject({ blocked: true, blockedReason: 'Kept two loans for months', active: true });
    await t.fail(manager, 'people.block', { id: p.id, reason: 'again' }, 'INVALID_TRANSITION');

    const unblocked = await t.ok(manager, 'people.unblock', { id: p.id });
    expect(unblocked).toMatchObject({ blocked: false, blockedReason: '' });
    await t.fail(manager, 'people.unblock', { id: p.id }, 'INVALID_TRANSITION');
    expect((await auditOf(p.id)).map((a) => a.action)).toEqual(['person.create', 'person.block', 'person.unblock']);
  });
});

describe('the people list', () => {
  let bea: Person;
  beforeAll(async () => {
    bea = await create('Beatriz Olmedo Prieto', 'bea.o@example.com', '+34 655 123 456');
    await create('Bernardo Ortiz', 'bernardo@example.com', '+34 655 999 000');
  });

  it('finds a person by name prefix, surname prefix, email prefix and phone prefix', async () => {
    for (const search of ['beat', 'BEATRIZ OL', 'prie', 'Prieto Bea', 'bea.o@', 'bea.o@example.com', '+34 655 12', '0034 655123', '34655123456']) {
      expect(idsOf(await list(search)), search).toContain(bea.id);
    }
    for (const search of ['trix', 'example.com', '+34 699', '655123', 'zzz']) expect(idsOf(await list(search)), search).not.toContain(bea.id);
    const rows = (await list('Beatriz')).rows;
    expect(rows).toEqual([{ id: bea.id, name: 'Beatriz Olmedo Prieto', email: 'bea.o@example.com', phone: '+34655123456', active: true, deletedAt: null }]);
  });

  it('orders by name and reports totals', async () => {
    const r = await list('be');
    const names = r.rows.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(names).toEqual(expect.arrayContaining(['Beatriz Olmedo Prieto', 'Bernardo Ortiz']));
    expect(r.total).toBe(r.rows.length);
    const limited = await t.read(staff, 'people.list', { search: '', status: 'active', limit: 1 });
    expect(limited.rows).toHaveLength(1);
    expect(limited.more).toBe(true);
    expect(limited.total).toBeGreaterThan(1);
  });

  it('a watch pushes a new result when a person is added or changed from another window', async () => {
    const w = t.watch(admin, 'people.list', { search: 'Watcher' });
    try {
      expect(await w.waitForValue(() => true)).toMatchObject({ rows: [], total: 0 });
      const p = await t.ok(staff, 'people.create', { name: 'Watcher Uno', email: '', phone: '' });
      await w.waitForValue((v) => v.rows.some((r) => r.id === p.id && r.name === 'Watcher Uno'));
      await t.ok(manager, 'people.update', { id: p.id, name: 'Watcher Dos' });
      await w.waitForValue((v) => v.rows.some((r) => r.id === p.id && r.name === 'Watcher Dos'));
      await t.ok(staff, 'people.delete', { id: p.id });
      await w.waitForValue((v) => v.rows.length === 0);
      expect(w.results.every((r) => r.ok)).toBe(true);
    } finally {
      w.stop();
    }
  });
});

describe('people stats', () => {
  it('counts total (not deleted), active and new this month, live', async () => {
    const w = t.watch(admin, 'people.stats', {});
    try {
      const start = await w.waitForValue(() => true);
      const [a, b] = await Promise.all([create('Stat Uno'), create('Stat Dos'), create('Stat Tres')]);
      await t.ok(staff, 'people.deactivate', { id: a.id });
      await t.ok(staff, 'people.delete', { id: b.id });
      const expected = { total: start.total + 2, active: start.active + 1, newThisMonth: start.newThisMonth + 2 };
      expect(await w.waitForValue((v) => v.total === expected.total && v.active === expected.active)).toEqual(expected);
    } finally {
      w.stop();
    }
  });
});

describe('the audit trail of people', () => {
  it('every successful change adds exactly one entry; refused ones add none; the chain verifies', async () => {
    const before = await auditCount();
    const p = await create('Audit Persona', 'audit.p@example.com');
    await t.ok(staff, 'people.update', { id: p.id, address: 'Plaza 2' });
    await t.ok(staff, 'people.deactivate', { id: p.id });
    await t.fail(staff, 'people.deactivate', { id: p.id }, 'INVALID_TRANSITION');
    await t.fail(staff, 'people.create', { name: '', email: '', phone: '' }, 'VALIDATION');
    await t.ok(staff, 'people.reactivate', { id: p.id });
    await t.ok(staff, 'people.delete', { id: p.id });
    await t.ok(admin, 'people.restore', { id: p.id });
    expect(await auditCount()).toBe(before + 6);

    const entries = await auditOf(p.id);
    expect(entries.map((e) => [e.action, e.actorName])).toEqual([
      ['person.create', 'Sam Staff'],
      ['person.update', 'Sam Staff'],
      ['person.deactivate', 'Sam Staff'],
      ['person.reactivate', 'Sam Staff'],
      ['person.delete', 'Sam Staff'],
      ['person.restore', 'Ada Admin'],
    ]);
    const verify = await t.ok(manager, 'audit.verify', {});
    expect(verify).toEqual({ ok: true, checked: await auditCount(), devices: 1, broken: null });
  });

  it('audit.list is newest first and can be limited', async () => {
    const all = await t.read(admin, 'audit.list', { limit: 1000 });
    const seqs = all.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(await t.read(admin, 'audit.list', { limit: 3 })).toEqual(all.slice(0, 3));

    // The same for one entity, with changes made within the same millisecond or so.
    const p = await create('Orden Rápido');
    for (const name of ['Orden Uno', 'Orden Dos', 'Orden Tres']) await t.ok(staff, 'people.update', { id: p.id, name });
    const forEntity = await t.read(admin, 'audit.list', { entityId: p.id });
    expect(forEntity.map((e) => e.action)).toEqual(['person.update', 'person.update', 'person.update', 'person.create']);
    expect(forEntity.map((e) => (e.after as Person).name)).toEqual(['Orden Tres', 'Orden Dos', 'Orden Uno', 'Orden Rápido']);
  });
});

// Last: moves the clock a month on (every session locks, the shift is over).
describe('a month later', () => {
  it('new this month starts again from zero; totals stay', async () => {
    const now = await t.read(admin, 'people.stats', {});
    expect(now.newThisMonth).toBeGreaterThan(0);
    t.core.testHooks?.advanceClock(32 * 24 * 3600_000);
    const desk = await signIn(t, ADMIN);
    expect(await t.read(desk, 'people.stats', {})).toEqual({ ...now, newThisMonth: 0 });
  });
});
