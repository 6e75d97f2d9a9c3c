import { v7 as uuidv7 } from 'uuid';
import type { Account } from '../../../shared/contract/entities';
import type { RoleName } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { normalizeEmail } from '../../../shared/people/validation';
import { newDocBase, signedIn, type Handlers, type Services } from '../context';
import type { AccountDoc } from '../db/docs';
import { ensureEmailFree, insertPersonDoc } from '../people/people-handlers';
import { dummySecretHash, hashSecret, verifySecret } from './secrets';
import { toSessionInfo } from './sessions';

type AuthMethods =
  | 'system.info'
  | 'setup.createFirstAdmin'
  | 'auth.signIn'
  | 'auth.session'
  | 'auth.signOut'
  | 'auth.touch'
  | 'auth.lock'
  | 'auth.shift'
  | 'auth.switchByPin'
  | 'auth.registerCustomer'
  | 'auth.customerSignIn'
  | 'accounts.list'
  | 'accounts.create'
  | 'accounts.update'
  | 'accounts.resetPassword'
  | 'kiosk.myProfile';

export const toAccount = (a: AccountDoc): Account => ({
  id: a.id,
  username: a.username,
  displayName: a.displayName,
  role: a.role,
  status: a.status,
  personId: a.personId ?? null,
  hasPin: Boolean(a.pinHash),
  createdAt: a.createdAt,
});

/** Audit snapshots of accounts never carry the hashes. */
const auditView = (a: AccountDoc) => toAccount(a);

export function authHandlers(s: Services): Pick<Handlers, AuthMethods> {
  const { db, sessions, throttle, audit } = s;

  const findByUsername = async (username: string) =>
    (await db.accounts.findOne({ selector: { usernameKey: username.trim().toLowerCase() } }).exec())?.toJSON() as AccountDoc | undefined;

  const hasAnyStaffAccount = async () => {
    for (const role of ['admin', 'manager', 'staff'] as const) if (await db.accounts.findOne({ selector: { role } }).exec()) return true;
    return false;
  };
  const hasAdmin = async () => (await db.accounts.count({ selector: { role: 'admin', status: 'active' } }).exec()) > 0;

  const createAccount: typeof insertAccount = (actor, input) => s.exclusive(() => insertAccount(actor, input));

  /** Call only inside `s.exclusive`: checks the username is free, then inserts. */
  async function insertAccount(
    actor: { id: string | null; name: string },
    input: { username: string; displayName: string; role: RoleName; password?: string; pin: string; personId?: string | null },
  ): Promise<AccountDoc> {
    if (await findByUsername(input.username)) throw new AppError('CONFLICT', 'That username is taken.', { username: 'That username is taken' });
    const id = uuidv7();
    const doc: AccountDoc = {
      ...newDocBase(s, actor, id),
      username: input.username.trim(),
      usernameKey: input.username.trim().toLowerCase(),
      displayName: input.displayName.trim(),
      role: input.role,
      status: 'active',
      ...(input.password ? { passwordHash: await hashSecret(input.password) } : {}),
      pinHash: await hashSecret(input.pin),
      personId: input.personId ?? null,
    };
    await db.accounts.insert(doc);
    await audit.append(actor, 'account.create', 'account', id, null, auditView(doc));
    return doc;
  }

  function startSession(windowId: string, surface: 'staff' | 'kiosk', a: AccountDoc) {
    return sessions.start(windowId, { accountId: a.id, username: a.username, displayName: a.displayName, role: a.role, personId: a.personId ?? null, surface });
  }

  async function loadAccount(id: string): Promise<AccountDoc> {
    const doc = await db.accounts.findOne(id).exec();
    if (!doc) throw new AppError('NOT_FOUND', 'No such account.');
    return doc.toJSON() as AccountDoc;
  }

  return {
    async 'system.info'(ctx) {
      return {
        surface: ctx.surface,
        needsFirstAdmin: !(await hasAnyStaffAccount()),
        deviceId: s.deviceId,
        kioskTimeoutMs: s.settings.kioskTimeoutMs,
        staffLockMs: s.settings.staffLockMs,
      };
    },

    async 'setup.createFirstAdmin'(ctx, input) {
      // Only on an empty data folder: afterwards accounts are made by an admin.
      const doc = await s.exclusive(async () => {
        if (await hasAnyStaffAccount()) throw new AppError('FORBIDDEN', 'This station is already set up. Ask an administrator for an account.');
        return insertAccount({ id: null, name: 'first-run set-up' }, { ...input, role: 'admin' });
      });
      sessions.joinShift({ accountId: doc.id, displayName: doc.displayName, username: doc.username });
      return toSessionInfo(startSession(ctx.windowId, 'staff', doc));
    },

    async 'auth.signIn'(ctx, input) {
      const key = input.username.trim().toLowerCase();
      throttle.check(key, ctx.surface);
      const account = await findByUsername(key);
      const staffAccount = account && account.role !== 'customer' ? account : undefined;
      const ok = await verifySecret(input.password, staffAccount?.passwordHash ?? (await dummySecretHash()));
      if (!staffAccount || !ok) {
        throttle.fail(key, ctx.surface);
        throw new AppError('UNAUTHENTICATED', 'Wrong username or password.');
      }
      if (staffAccount.status !== 'active') throw new AppError('FORBIDDEN', 'This account is disabled. Ask an administrator.');
      throttle.succeed(key);
      sessions.joinShift({ accountId: staffAccount.id, displayName: staffAccount.displayName, username: staffAccount.username });
      await audit.append({ id: staffAccount.id, name: staffAccount.displayName }, 'auth.signIn', 'account', staffAccount.id, null, null);
      return toSessionInfo(startSession(ctx.windowId, 'staff', staffAccount));
    },

    async 'auth.session'(ctx) {
      return ctx.session ? toSessionInfo(ctx.session) : null;
    },

    async 'auth.signOut'(ctx) {
      sessions.end(ctx.windowId);
      return null;
    },

    async 'auth.touch'(ctx) {
      sessions.touch(ctx.windowId);
      return null;
    },

    async 'auth.lock'(ctx) {
      sessions.lock(ctx.windowId);
      return null;
    },

    async 'auth.shift'() {
      return sessions.shiftMembers();
    },

    async 'auth.switchByPin'(ctx, input) {
      const key = `pin:${input.accountId}`;
      throttle.check(key, ctx.surface);
      if (!sessions.isOnShift(input.accountId)) {
        throw new AppError('FORBIDDEN', 'Only staff who signed in with their password on this station today can switch by PIN.');
      }
      const account = await loadAccount(input.accountId);
      if (account.status !== 'active') throw new AppError('FORBIDDEN', 'This account is disabled. Ask an administrator.');
      if (!(await verifySecret(input.pin, account.pinHash))) {
        throttle.fail(key, ctx.surface);
        throw new AppError('UNAUTHENTICATED', 'Wrong PIN.', { pin: 'Wrong PIN' });
      }
      throttle.succeed(key);
      await audit.append({ id: account.id, name: account.displayName }, 'auth.switchByPin', 'account', account.id, null, null);
      return toSessionInfo(startSession(ctx.windowId, 'staff', account));
    },

    async 'auth.registerCustomer'(ctx, input) {
      const email = normalizeEmail(input.email);
      const account = await s.exclusive(async () => {
        if (await findByUsername(email)) throw new AppError('CONFLICT', 'This email is already registered. Sign in instead.', { email: 'Already registered — sign in instead' });
        // Nobody at a kiosk learns who else uses an email: the message names no one.
        await ensureEmailFree(s, email, null).catch(() => {
          throw new AppError('CONFLICT', 'This email is already in use. Please ask at the front desk.', { email: 'Already in use — please ask at the front desk' });
        });
        const actor = { id: null, name: 'kiosk registration' };
        const person = await insertPersonDoc(s, actor, { name: input.name, email, phone: input.phone, address: '' });
        return insertAccount(actor, { username: email, displayName: person.name, role: 'customer', pin: input.pin, personId: person.id });
      });
      return toSessionInfo(startSession(ctx.windowId, 'kiosk', account));
    },

    async 'auth.customerSignIn'(ctx, input) {
      const key = normalizeEmail(input.email);
      throttle.check(key, ctx.surface);
      const account = await findByUsername(key);
      const customer = account && account.role === 'customer' ? account : undefined;
      const ok = await verifySecret(input.pin, customer?.pinHash ?? (await dummySecretHash()));
      if (!customer || !ok) {
        throttle.fail(key, ctx.surface);
        throw new AppError('UNAUTHENTICATED', 'Wrong email or PIN.');
      }
      if (customer.status !== 'active') throw new AppError('FORBIDDEN', 'This account is disabled. Please ask at the front desk.');
      throttle.succeed(key);
      return toSessionInfo(startSession(ctx.windowId, 'kiosk', customer));
    },

    async 'accounts.list'() {
      const docs = await db.accounts.find({ selector: { role: { $in: ['staff', 'manager', 'admin'] } } }).exec();
      return docs.map((d) => toAccount(d.toJSON() as AccountDoc)).sort((a, b) => a.displayName.localeCompare(b.displayName));
    },

    async 'accounts.create'(ctx, input) {
      return toAccount(await createAccount(ctx.actor, input));
    },

    async 'accounts.update'(ctx, input) {
      const { session } = signedIn(ctx);
      const before = await loadAccount(input.id);
      if (before.role === 'customer') throw new AppError('FORBIDDEN', 'Customer accounts are managed at the kiosk.');
      const losesAdmin = before.role === 'admin' && before.status === 'active' && ((input.role && input.role !== 'admin') || input.status === 'disabled');
      if (losesAdmin && input.id === session.accountId) throw new AppError('FORBIDDEN', 'You cannot remove your own admin rights or disable yourself.');
      const patch: Partial<AccountDoc> = { updatedAt: s.clock.now() };
      if (input.role) patch.role = input.role;
      if (input.displayName) patch.displayName = input.displayName;
      if (input.status) patch.status = input.status;
      const doc = await db.accounts.findOne(input.id).exec();
      const after = (await doc!.incrementalPatch(patch)).toJSON() as AccountDoc;
      if (losesAdmin && !(await hasAdmin())) {
        await doc!.incrementalPatch({ role: before.role, status: before.status, updatedAt: before.updatedAt });
        throw new AppError('CONFLICT', 'The station needs at least one active admin.');
      }
      if (after.status === 'disabled' || after.role !== before.role) sessions.endAccount(after.id);
      await audit.append(ctx.actor, 'account.update', 'account', after.id, auditView(before), auditView(after));
      return toAccount(after);
    },

    async 'accounts.resetPassword'(ctx, input) {
      const before = await loadAccount(input.id);
      if (before.role === 'customer') throw new AppError('FORBIDDEN', 'Customer accounts are managed at the kiosk.');
      const doc = await db.accounts.findOne(input.id).exec();
      const after = (await doc!.incrementalPatch({
        passwordHash: await hashSecret(input.password),
        ...(input.pin ? { pinHash: await hashSecret(input.pin) } : {}),
        updatedAt: s.clock.now(),
      })).toJSON() as AccountDoc;
      await audit.append(ctx.actor, 'account.resetPassword', 'account', after.id, null, { pinChanged: Boolean(input.pin) });
      return toAccount(after);
    },

    async 'kiosk.myProfile'(ctx) {
      const { session } = signedIn(ctx);
      const person = session.personId ? await db.people.findOne(session.personId).exec() : null;
      if (!person) throw new AppError('NOT_FOUND', 'Your record was not found. Please ask at the front desk.');
      return { name: person.name, email: person.email, phone: person.phone };
    },
  };
}
