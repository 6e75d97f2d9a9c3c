import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import { methods, topics, type MethodName, type RoleName, type Surface, type TopicName } from '../../shared/contract';
import { seedStation, validInputs, validParams, type SeededStation } from '../helpers/contract-samples';
import {
  STAFF,
  MANAGER,
  ADMIN,
  TestCore,
  customerSignIn,
  diffDumps,
  expectOnlyAuditOf,
  kioskWindow,
  signIn,
  staffWindow,
  type StoreDump,
} from '../helpers/core';

/** Everything below is enumerated from the contract, never a hand-written list of names. */
const methodEntries = Object.entries(methods) as [MethodName, (typeof methods)[MethodName]][];
const topicEntries = Object.entries(topics) as [TopicName, (typeof topics)[TopicName]][];

const staffOnlyMethods = methodEntries.filter(([, s]) => !s.surfaces.includes('kiosk')).map(([name]) => name);
const kioskOnlyMethods = methodEntries.filter(([, s]) => !s.surfaces.includes('staff')).map(([name]) => name);
const staffOnlyTopics = topicEntries.filter(([, s]) => !s.surfaces.includes('kiosk')).map(([name]) => name);
const kioskOnlyTopics = topicEntries.filter(([, s]) => !s.surfaces.includes('staff')).map(([name]) => name);

/** Methods (or topics) that need a session, with each surface they may be called from. */
const signedInCases = <N extends string>(entries: [N, { surfaces: readonly Surface[]; access: 'anyone' | readonly RoleName[] }][]) =>
  entries.filter(([, s]) => s.access !== 'anyone').flatMap(([name, s]) => s.surfaces.map((surface) => [name, surface] as const));

/** For a role signed in on a surface: the names callable on that surface whose access leaves the role out. */
const refusedFor = <N extends string>(entries: [N, { surfaces: readonly Surface[]; access: 'anyone' | readonly RoleName[] }][], role: RoleName, surface: Surface) =>
  entries.filter(([, s]) => s.surfaces.includes(surface) && s.access !== 'anyone' && !s.access.includes(role)).map(([name]) => name);

const expectCode = (r: { ok: boolean }, code: string, what: string) => expect(r, what).toMatchObject({ ok: false, error: { code } });

async function watchOnce(t: TestCore, ctx: CallContext, topic: TopicName) {
  const w = t.watch(ctx, topic, validParams()[topic]);
  try {
    return await w.waitFor(() => true);
  } finally {
    w.stop();
  }
}

/** One seeded station for the whole file (password hashing is slow); each block compares the store before and after. */
let t: TestCore;
let s: SeededStation;
beforeAll(async () => {
  t = await TestCore.create();
  s = await seedStation(t);
});
afterAll(() => t.dispose());

describe('the contract', () => {
  it('has staff-only methods (people.create among them) and kiosk-only ones', () => {
    expect(staffOnlyMethods.length).toBeGreaterThan(0);
    expect(staffOnlyMethods).toContain('people.create');
    expect(staffOnlyMethods).toContain('accounts.create');
    expect(staffOnlyMethods).not.toContain('auth.registerCustomer');
    expect(kioskOnlyMethods).toContain('auth.registerCustomer');
    expect(kioskOnlyMethods).not.toContain('people.create');
  });

  it('declares a surface and an access rule for every method and topic', () => {
    for (const [name, s] of [...methodEntries, ...topicEntries]) {
      expect(s.surfaces.length, name).toBeGreaterThan(0);
      expect(s.access === 'anyone' || s.access.length > 0, name).toBe(true);
    }
  });

  it('the sample inputs used below are valid, so a refusal is never a validation error', () => {
    const inputs = validInputs({
      adminId: 'a',
      staffId: 's',
      managerId: 'm',
      personId: 'p1',
      otherPersonId: 'p2',
      inactivePersonId: 'p3',
      deletedPersonId: 'p4',
      customerPersonId: 'p5',
      customerAccountId: 'c',
    } as SeededStation);
    for (const [name, spec] of methodEntries) expect(spec.input.safeParse(inputs[name]).success, name).toBe(true);
    for (const [name, spec] of topicEntries) expect(spec.params.safeParse(validParams()[name]).success, name).toBe(true);
  });
});

describe('staff-only methods called from a kiosk', () => {
  let before: StoreDump;
  const anonymous = kioskWindow();
  let customer: CallContext;

  beforeAll(async () => {
    before = await t.dumpStore();
    // Signing a customer in writes nothing, so the store must stay exactly as dumped.
    customer = await customerSignIn(t);
  });

  it.each(staffOnlyMethods)('%s is FORBIDDEN with no session and with a customer signed in', async (method) => {
    const input = validInputs(s)[method];
    expectCode(await t.call(anonymous, method, input), 'FORBIDDEN', `${method}, kiosk, no session`);
    expectCode(await t.call(customer, method, input), 'FORBIDDEN', `${method}, kiosk, customer`);
  });

  it.each(staffOnlyTopics)('watching %s is FORBIDDEN with no session and with a customer signed in', async (topic) => {
    expectCode(await watchOnce(t, anonymous, topic), 'FORBIDDEN', `${topic}, kiosk, no session`);
    expectCode(await watchOnce(t, customer, topic), 'FORBIDDEN', `${topic}, kiosk, customer`);
  });

  it('changed nothing: no session appeared, the customer is still the customer, the store is identical', async () => {
    expect(await t.ok(anonymous, 'auth.session', {})).toBeNull();
    expect(await t.ok(customer, 'auth.session', {})).toMatchObject({ role: 'customer', accountId: s.customerAccountId, locked: false });
    expect(diffDumps(before, await t.dumpStore())).toEqual([]);
  });
});

describe('kiosk-only methods called from the front desk', () => {
  let before: StoreDump;
  const anonymous = staffWindow();
  let admin: CallContext;

  beforeAll(async () => {
    before = await t.dumpStore();
    admin = await signIn(t, ADMIN);
  });

  it('there is at least one', () => expect(kioskOnlyMethods.length).toBeGreaterThan(0));

  it.each(kioskOnlyMethods)('%s is FORBIDDEN with no session and with an admin signed in', async (method) => {
    const input = validInputs(s)[method];
    expectCode(await t.call(anonymous, method, input), 'FORBIDDEN', `${method}, staff, no session`);
    expectCode(await t.call(admin, method, input), 'FORBIDDEN', `${method}, staff, admin`);
  });

  it.runIf(kioskOnlyTopics.length > 0).each(kioskOnlyTopics)('watching %s is FORBIDDEN at the front desk', async (topic) => {
    expectCode(await watchOnce(t, anonymous, topic), 'FORBIDDEN', `${topic}, staff, no session`);
    expectCode(await watchOnce(t, admin, topic), 'FORBIDDEN', `${topic}, staff, admin`);
  });

  it('changed nothing but the admin’s own sign-in', async () => {
    expect(await t.ok(anonymous, 'auth.session', {})).toBeNull();
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ role: 'admin', accountId: s.adminId });
    expectOnlyAuditOf(before, await t.dumpStore(), ['auth.signIn']);
  });
});

describe('sessions and roles', () => {
  let before: StoreDump;
  let sessions: Record<RoleName, CallContext>;

  beforeAll(async () => {
    before = await t.dumpStore();
    const [staff, manager, admin, customer] = await Promise.all([signIn(t, STAFF), signIn(t, MANAGER), signIn(t, ADMIN), customerSignIn(t)]);
    sessions = { staff, manager, admin, customer };
  });

  const methodCases = signedInCases(methodEntries);
  const topicCases = signedInCases(topicEntries);

  it.each(methodCases)('%s needs a session on the %s surface: UNAUTHENTICATED without one', async (method, surface) => {
    const ctx = surface === 'staff' ? staffWindow() : kioskWindow();
    const r = await t.call(ctx, method, validInputs(s)[method]);
    expect(r).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
  });

  it.each(topicCases)('watching %s needs a session on the %s surface: UNAUTHENTICATED without one', async (topic, surface) => {
    const ctx = surface === 'staff' ? staffWindow() : kioskWindow();
    expectCode(await watchOnce(t, ctx, topic), 'UNAUTHENTICATED', topic);
  });

  it('admin-only and manager-only methods exist to be refused to staff', () => {
    const adminOnly = methodEntries.filter(([, spec]) => spec.access !== 'anyone' && spec.access.length === 1 && spec.access[0] === 'admin').map(([n]) => n);
    expect(adminOnly).toContain('accounts.create');
    expect(adminOnly).toContain('people.restore');
    expect(refusedFor(methodEntries, 'staff', 'staff')).toEqual(expect.arrayContaining([...adminOnly, 'people.merge', 'audit.verify']));
    expect(refusedFor(methodEntries, 'manager', 'staff')).toEqual(adminOnly);
    expect(refusedFor(methodEntries, 'admin', 'staff')).toEqual([]);
  });

  const roleSurfaces: [RoleName, Surface][] = [
    ['staff', 'staff'],
    ['manager', 'staff'],
    ['admin', 'staff'],
    ['customer', 'kiosk'],
  ];
  const roleMethodCases = roleSurfaces.flatMap(([role, surface]) => refusedFor(methodEntries, role, surface).map((m) => [m, role] as const));
  const roleTopicCases = roleSurfaces.flatMap(([role, surface]) => refusedFor(topicEntries, role, surface).map((m) => [m, role] as const));

  it.each(roleMethodCases)('%s is FORBIDDEN to a %s session', async (method, role) => {
    const r = await t.call(sessions[role], method, validInputs(s)[method]);
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } });
  });

  it.each(roleTopicCases)('watching %s is FORBIDDEN to a %s session', async (topic, role) => {
    expectCode(await watchOnce(t, sessions[role], topic), 'FORBIDDEN', `${topic} as ${role}`);
  });

  it('changed nothing but the test’s own sign-ins: nobody gained a role, nothing was written', async () => {
    for (const role of ['staff', 'manager', 'admin', 'customer'] as const) {
      expect(await t.ok(sessions[role], 'auth.session', {}), role).toMatchObject({ role, locked: false });
    }
    expectOnlyAuditOf(before, await t.dumpStore(), ['auth.signIn']);
  });
});
