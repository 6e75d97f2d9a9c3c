import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import {
  ADMIN,
  CUSTOMER,
  STAFF,
  TestCore,
  customerSignIn,
  kioskWindow,
  registerCustomer,
  signIn,
  staffWindow,
  type TestCoreOptions,
} from '../helpers/core';

const LOCKED = 'The station is locked. Enter your PIN to continue.';
const WRONG_PASSWORD = { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' };

let t: TestCore | null = null;
afterEach(async () => {
  await t?.dispose();
  t = null;
});

/** A fresh core with its first admin signed in on a staff window. */
async function station(options: TestCoreOptions = {}): Promise<{ t: TestCore; admin: CallContext; adminId: string }> {
  t = await TestCore.create(options);
  const admin = staffWindow();
  const session = await t.ok(admin, 'setup.createFirstAdmin', { ...ADMIN });
  return { t, admin, adminId: session.accountId };
}

const advance = (core: TestCore, ms: number) => {
  if (!core.core.testHooks) throw new Error('create the core with enableTestHooks');
  core.core.testHooks.advanceClock(ms);
};

describe('first run', () => {
  it('an empty folder needs its first admin; set-up works once, then is FORBIDDEN', async () => {
    t = await TestCore.create();
    const desk = staffWindow();
    expect(await t.ok(desk, 'system.info', {})).toMatchObject({ surface: 'staff', needsFirstAdmin: true });
    expect(await t.ok(kioskWindow(), 'system.info', {})).toMatchObject({ surface: 'kiosk', needsFirstAdmin: true });

    // Not from a kiosk, and not with bad input.
    await t.fail(kioskWindow(), 'setup.createFirstAdmin', { ...ADMIN }, 'FORBIDDEN');
    const bad = await t.fail(desk, 'setup.createFirstAdmin', { ...ADMIN, password: 'short', pin: '12' }, 'VALIDATION');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['password', 'pin']);
    expect(await t.ok(desk, 'system.info', {})).toMatchObject({ needsFirstAdmin: true });

    const session = await t.ok(desk, 'setup.createFirstAdmin', { ...ADMIN });
    expect(session).toMatchObject({ username: 'admin', displayName: 'Ada Admin', role: 'admin', personId: null, locked: false });
    expect(await t.ok(desk, 'auth.session', {})).toEqual(session);
    expect(await t.ok(desk, 'system.info', {})).toMatchObject({ needsFirstAdmin: false });

    const again = await t.fail(staffWindow(), 'setup.createFirstAdmin', { username: 'second', displayName: 'Second', password: 'second-password', pin: '5555' }, 'FORBIDDEN');
    expect(again.message).toMatch(/already set up/);
    expect((await t.ok(desk, 'accounts.list', {})).map((a) => a.username)).toEqual(['admin']);

    const [entry] = await t.read(desk, 'audit.list', {});
    expect(entry).toMatchObject({ action: 'account.create', actorId: null, actorName: 'first-run set-up', entityId: session.accountId });
    expect(JSON.stringify(entry.after)).not.toMatch(/scrypt|passwordHash|pinHash/);
  });

  // BUG: two set-up calls at once both see an empty folder and both create an admin.
  it('two set-up calls at the same moment make only one admin', async () => {
    t = await TestCore.create();
    const results = await Promise.all([
      t.call(staffWindow(), 'setup.createFirstAdmin', { ...ADMIN }),
      t.call(staffWindow(), 'setup.createFirstAdmin', { username: 'mallory', displayName: 'Mallory', password: 'mallory-password', pin: '6666' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'FORBIDDEN' } }]);
  });
});

describe('staff sign-in', () => {
  it('wrong password or unknown user: UNAUTHENTICATED with one message; the right one signs in', async () => {
    const { t } = await station();
    expect(await t.call(staffWindow(), 'auth.signIn', { username: 'admin', password: 'wrong-password' })).toEqual({ ok: false, error: WRONG_PASSWORD });
    expect(await t.call(staffWindow(), 'auth.signIn', { username: 'nobody', password: 'whatever-it-is' })).toEqual({ ok: false, error: WRONG_PASSWORD });
    const desk = staffWindow();
    expect(await t.ok(desk, 'auth.signIn', { username: '  ADMIN ', password: ADMIN.password })).toMatchObject({ username: 'admin', role: 'admin' });
    expect(await t.ok(desk, 'auth.session', {})).toMatchObject({ role: 'admin', locked: false });
  });

  it('a customer cannot sign in at the front desk with their email and PIN', async () => {
    const { t } = await station();
    await registerCustomer(t);
    expect(await t.call(staffWindow(), 'auth.signIn', { username: CUSTOMER.email, password: CUSTOMER.pin })).toEqual({ ok: false, error: WRONG_PASSWORD });
  });

  it('after 5 failures the 6th attempt is RATE_LIMITED even with the right password, for that account only, until the window passes', async () => {
    const { t, admin } = await station({ enableTestHooks: true });
    await t.ok(admin, 'accounts.create', { ...STAFF });
    for (let i = 0; i < 5; i++) expect(await t.call(staffWindow(), 'auth.signIn', { username: 'admin', password: `wrong-${i}` })).toEqual({ ok: false, error: WRONG_PASSWORD });
    const limited = await t.fail(staffWindow(), 'auth.signIn', { username: 'admin', password: ADMIN.password }, 'RATE_LIMITED');
    expect(limited.message).toMatch(/Too many failed attempts/);
    await signIn(t, STAFF);

    advance(t, 15 * 60_000 + 1);
    await signIn(t, ADMIN);
  });

  it('a success clears the account’s failures', async () => {
    const { t } = await station();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await t.fail(staffWindow(), 'auth.signIn', { username: 'admin', password: 'wrong-password' }, 'UNAUTHENTICATED');
      await signIn(t, ADMIN);
    }
  });

  // BUG: the per-station counter is shared by both surfaces, so anyone at the kiosk can lock the front desk out.
  it('failed customer sign-ins at the kiosk do not lock staff out of the front desk', async () => {
    const { t } = await station();
    const kiosk = kioskWindow();
    for (let i = 0; i < 20; i++) await t.fail(kiosk, 'auth.customerSignIn', { email: `guess${i}@example.com`, pin: '0000' }, 'UNAUTHENTICATED');
    await signIn(t, ADMIN);
  });

  it('a reset password replaces the old one', async () => {
    const { t, admin } = await station();
    const staff = await t.ok(admin, 'accounts.create', { ...STAFF });
    await t.fail(admin, 'accounts.create', { ...STAFF, username: 'SAM' }, 'CONFLICT');
    await t.ok(admin, 'accounts.resetPassword', { id: staff.id, password: 'brand-new-password' });
    await t.fail(staffWindow(), 'auth.signIn', { username: 'sam', password: STAFF.password }, 'UNAUTHENTICATED');
    await signIn(t, { username: 'sam', password: 'brand-new-password' });
    const audit = await t.read(admin, 'audit.list', { entityId: staff.id });
    expect(audit.map((a) => a.action)).toContain('account.resetPassword');
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|brand-new-password/);
  });
});

describe('disabled accounts', () => {
  it('cannot sign in, their open sessions end, and they leave the shift', async () => {
    const { t, admin } = await station();
    const account = await t.ok(admin, 'accounts.create', { ...STAFF });
    const staff = await signIn(t, STAFF);
    expect(await t.ok(staff, 'auth.session', {})).toMatchObject({ role: 'staff' });

    const disabled = await t.ok(admin, 'accounts.update', { id: account.id, status: 'disabled' });
    expect(disabled.status).toBe('disabled');
    expect(await t.ok(staff, 'auth.session', {})).toBeNull();
    await t.fail(staff, 'people.create', { name: 'Someone', email: '', phone: '' }, 'UNAUTHENTICATED');

    const refused = await t.fail(staffWindow(), 'auth.signIn', { username: STAFF.username, password: STAFF.password }, 'FORBIDDEN');
    expect(refused.message).toMatch(/disabled/);
    expect((await t.ok(admin, 'auth.shift', {})).map((m) => m.username)).not.toContain(STAFF.username);
    await t.fail(staffWindow(), 'auth.switchByPin', { accountId: account.id, pin: STAFF.pin }, 'FORBIDDEN');

    await t.ok(admin, 'accounts.update', { id: account.id, status: 'active' });
    await signIn(t, STAFF);
  });

  // BUG: ending a session stops the window's watches without telling them, so the page never learns.
  it('their open watches are told UNAUTHENTICATED', async () => {
    const { t, admin } = await station();
    const account = await t.ok(admin, 'accounts.create', { ...STAFF });
    const staff = await signIn(t, STAFF);
    const w = t.watch(staff, 'people.list', {});
    await w.waitForValue(() => true);
    await t.ok(admin, 'accounts.update', { id: account.id, status: 'disabled' });
    await t.ok(admin, 'people.create', { name: 'After Disable', email: '', phone: '' });
    await w.waitFor((r) => !r.ok && r.error.code === 'UNAUTHENTICATED', 1000);
  });

  it('an admin cannot disable themselves or drop their own admin role', async () => {
    const { t, admin, adminId } = await station();
    await t.fail(admin, 'accounts.update', { id: adminId, status: 'disabled' }, 'FORBIDDEN');
    await t.fail(admin, 'accounts.update', { id: adminId, role: 'staff' }, 'FORBIDDEN');
    expect(await t.ok(admin, 'accounts.list', {})).toMatchObject([{ id: adminId, role: 'admin', status: 'active' }]);
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ role: 'admin' });
    expect(await t.ok(admin, 'accounts.update', { id: adminId, displayName: 'Ada A.' })).toMatchObject({ displayName: 'Ada A.', role: 'admin' });
  });
});

describe('quick switch by PIN', () => {
  it('only to staff who signed in fully on this station today; a wrong PIN is UNAUTHENTICATED', async () => {
    const { t, admin, adminId } = await station({ enableTestHooks: true });
    const staffAccount = await t.ok(admin, 'accounts.create', { ...STAFF });
    expect((await t.ok(admin, 'auth.shift', {})).map((m) => m.accountId)).toEqual([adminId]);
    await t.fail(admin, 'auth.switchByPin', { accountId: staffAccount.id, pin: STAFF.pin }, 'FORBIDDEN');

    await signIn(t, STAFF);
    expect((await t.ok(admin, 'auth.shift', {})).map((m) => m.username).sort()).toEqual(['admin', 'sam']);

    const wrong = await t.fail(admin, 'auth.switchByPin', { accountId: staffAccount.id, pin: '9999' }, 'UNAUTHENTICATED');
    expect(wrong).toMatchObject({ message: 'Wrong PIN.', fields: { pin: 'Wrong PIN' } });
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ role: 'admin' });

    expect(await t.ok(admin, 'auth.switchByPin', { accountId: staffAccount.id, pin: STAFF.pin })).toMatchObject({ accountId: staffAccount.id, role: 'staff' });
    await t.fail(admin, 'accounts.list', {}, 'FORBIDDEN');
    // And back: the admin is on the shift too.
    expect(await t.ok(admin, 'auth.switchByPin', { accountId: adminId, pin: ADMIN.pin })).toMatchObject({ role: 'admin' });
    const [entry] = await t.read(admin, 'audit.list', { entityId: staffAccount.id, limit: 1 });
    expect(entry).toMatchObject({ action: 'auth.switchByPin', actorId: staffAccount.id });

    // Tomorrow is another shift.
    advance(t, 24 * 3600_000);
    await t.fail(staffWindow(), 'auth.switchByPin', { accountId: staffAccount.id, pin: STAFF.pin }, 'FORBIDDEN');
  });

  it('five wrong PINs make the next attempt RATE_LIMITED, even with the right PIN', async () => {
    const { t, admin, adminId } = await station();
    await t.ok(admin, 'auth.lock', {});
    for (let i = 0; i < 5; i++) await t.fail(admin, 'auth.switchByPin', { accountId: adminId, pin: `000${i}` }, 'UNAUTHENTICATED');
    await t.fail(admin, 'auth.switchByPin', { accountId: adminId, pin: ADMIN.pin }, 'RATE_LIMITED');
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ locked: true });
  });
});

describe('customers at the kiosk', () => {
  it('register: a customer session linked to a new person; the same email cannot register twice', async () => {
    const { t, admin } = await station();
    const { ctx, session } = await registerCustomer(t);
    expect(session).toMatchObject({ role: 'customer', username: CUSTOMER.email, displayName: CUSTOMER.name, personId: expect.any(String), locked: false });
    expect(await t.ok(ctx, 'kiosk.myProfile', {})).toEqual({ name: CUSTOMER.name, email: CUSTOMER.email, phone: '+34612345678' });
    expect(await t.ok(admin, 'people.get', { id: session.personId ?? '' })).toMatchObject({ name: CUSTOMER.name, active: true });
    expect((await t.ok(admin, 'accounts.list', {})).map((a) => a.role)).not.toContain('customer');

    const again = await t.fail(kioskWindow(), 'auth.registerCustomer', { ...CUSTOMER, email: 'CARLA@example.com' }, 'CONFLICT');
    expect(again.fields?.email).toEqual(expect.any(String));
    const bad = await t.fail(kioskWindow(), 'auth.registerCustomer', { name: 'X', email: '', phone: '600', pin: '12' }, 'VALIDATION');
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['email', 'phone', 'pin']);
  });

  // BUG: the conflict message of ensureEmailFree names the person who has the email, and the kiosk is untrusted.
  it('registering with an email a person at the desk already has does not reveal who that is', async () => {
    const { t, admin } = await station();
    await t.ok(admin, 'people.create', { name: 'Secreta Persona', email: 'secreta@example.com', phone: '' });
    const e = await t.fail(kioskWindow(), 'auth.registerCustomer', { name: 'Curioso', email: 'secreta@example.com', phone: '', pin: '1234' }, 'CONFLICT');
    expect(JSON.stringify(e)).not.toMatch(/Secreta/i);
  });

  it('sign in with email and PIN: a wrong PIN is UNAUTHENTICATED; "Done" ends the session', async () => {
    const { t } = await station();
    await registerCustomer(t);
    const kiosk = kioskWindow();
    expect(await t.call(kiosk, 'auth.customerSignIn', { email: CUSTOMER.email, pin: '0000' })).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Wrong email or PIN.' },
    });
    expect(await t.call(kiosk, 'auth.customerSignIn', { email: 'nobody@example.com', pin: CUSTOMER.pin })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await t.ok(kiosk, 'auth.session', {})).toBeNull();

    expect(await t.ok(kiosk, 'auth.customerSignIn', { email: ' Carla@Example.com ', pin: CUSTOMER.pin })).toMatchObject({ role: 'customer' });
    expect(await t.ok(kiosk, 'kiosk.myProfile', {})).toMatchObject({ email: CUSTOMER.email });
    await t.ok(kiosk, 'auth.signOut', {});
    expect(await t.ok(kiosk, 'auth.session', {})).toBeNull();
    await t.fail(kiosk, 'kiosk.myProfile', {}, 'UNAUTHENTICATED');
  });

  it('a kiosk session ends after kioskTimeoutMs without activity; activity postpones it', async () => {
    // Margins are wide so a slow machine's real time does not count.
    const { t } = await station({ enableTestHooks: true, kioskTimeoutMs: 45_000 });
    expect(await t.ok(kioskWindow(), 'system.info', {})).toMatchObject({ kioskTimeoutMs: 45_000 });
    const { ctx } = await registerCustomer(t);

    advance(t, 30_000);
    await t.ok(ctx, 'auth.touch', {});
    advance(t, 30_000);
    expect(await t.ok(ctx, 'kiosk.myProfile', {})).toMatchObject({ email: CUSTOMER.email });

    advance(t, 45_001);
    expect(await t.call(ctx, 'kiosk.myProfile', {})).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } });
    expect(await t.ok(ctx, 'auth.session', {})).toBeNull();
    // Signing in again works: nothing of the last person is left on the window.
    const next = await customerSignIn(t);
    expect(await t.ok(next, 'auth.session', {})).toMatchObject({ role: 'customer' });
  });

  it('really waiting out a short kiosk timeout ends the session too', async () => {
    const { t } = await station({ kioskTimeoutMs: 300 });
    const { ctx } = await registerCustomer(t);
    await new Promise((r) => setTimeout(r, 350));
    await t.fail(ctx, 'kiosk.myProfile', {}, 'UNAUTHENTICATED');
  });
});

describe('staff auto-lock', () => {
  it('locks after staffLockMs: calls are UNAUTHENTICATED with the locked message, watches are told, the PIN unlocks', async () => {
    const { t, admin, adminId } = await station({ enableTestHooks: true, staffLockMs: 60_000 });
    const staffAccount = await t.ok(admin, 'accounts.create', { ...STAFF });
    const other = await signIn(t, STAFF);
    const w = t.watch(admin, 'people.list', {});
    await w.waitForValue(() => true);

    advance(t, 60_001);
    expect(await t.call(admin, 'people.create', { name: 'Locked Out', email: '', phone: '' })).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: LOCKED } });
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ accountId: adminId, locked: true });
    await t.ok(admin, 'auth.touch', {});
    expect(await t.ok(admin, 'auth.session', {})).toMatchObject({ locked: true });

    // A change made elsewhere re-runs the watch, which now reports the lock instead of data.
    await t.ok(other, 'auth.switchByPin', { accountId: staffAccount.id, pin: STAFF.pin });
    await t.ok(other, 'people.create', { name: 'Made Elsewhere', email: '', phone: '' });
    expect(await w.waitFor((r) => !r.ok)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: LOCKED } });

    await t.fail(admin, 'auth.switchByPin', { accountId: adminId, pin: '0000' }, 'UNAUTHENTICATED');
    expect(await t.ok(admin, 'auth.switchByPin', { accountId: adminId, pin: ADMIN.pin })).toMatchObject({ locked: false });
    expect((await t.read(admin, 'people.list', { search: 'Made' })).rows.map((r) => r.name)).toEqual(['Made Elsewhere']);
  });

  it('auth.lock locks at once; activity before the limit keeps the session open', async () => {
    const { t, admin } = await station({ enableTestHooks: true, staffLockMs: 60_000 });
    advance(t, 40_000);
    await t.ok(admin, 'auth.touch', {});
    advance(t, 40_000);
    await t.ok(admin, 'accounts.list', {});
    await t.ok(admin, 'auth.lock', {});
    await t.fail(admin, 'accounts.list', {}, 'UNAUTHENTICATED');
    expect(await t.ok(admin, 'auth.shift', {})).toHaveLength(1);
  });
});

describe('persistence', () => {
  it('accounts, people and the audit chain survive closing and reopening the core on the same folder', async () => {
    const { t, admin } = await station();
    const deviceId = (await t.ok(admin, 'system.info', {})).deviceId;
    await t.ok(admin, 'accounts.create', { ...STAFF });
    const person = await t.ok(admin, 'people.create', { name: 'Persistente Pérez', email: 'pp@example.com', phone: '+34 600 000 123' });
    await registerCustomer(t);
    const checkedBefore = (await t.ok(admin, 'audit.verify', {})).checked;

    await t.reopen();
    const desk = staffWindow();
    expect(await t.ok(desk, 'system.info', {})).toMatchObject({ needsFirstAdmin: false, deviceId });
    expect(await t.ok(desk, 'auth.session', {})).toBeNull();
    expect(await t.ok(desk, 'auth.shift', {})).toEqual([]);
    await t.fail(desk, 'setup.createFirstAdmin', { ...ADMIN }, 'FORBIDDEN');

    await signIn(t, ADMIN, desk);
    await signIn(t, STAFF);
    await customerSignIn(t);
    expect(await t.ok(desk, 'people.get', { id: person.id })).toEqual(person);
    expect((await t.ok(desk, 'accounts.list', {})).map((a) => a.username).sort()).toEqual(['admin', 'sam']);

    // Two sign-ins were appended to the chain it had before.
    expect(await t.ok(desk, 'audit.verify', {})).toEqual({ ok: true, checked: checkedBefore + 2, devices: 1, broken: null });
  });
});
