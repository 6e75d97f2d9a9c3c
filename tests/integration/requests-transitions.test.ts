import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallContext } from '../../electron/core/context';
import type { RoleName } from '../../shared/contract/define';
import type { GeneralRequest } from '../../shared/contract/requests';
import type { Envelope } from '../../shared/errors';
import type { RequestAction, RuleState } from '../../shared/requests/rules';
import { ADMIN, MANAGER, STAFF, TestCore, customerSignIn, diffDumps, registerCustomer, setUpStation, signIn, type StoreDump } from '../helpers/core';
import { ALL_CASES, expectedOutcome } from '../helpers/requests-oracle';

/**
 * Every (state, action, role, is-creator) combination through the real core on a temp store:
 * one fresh request per combination, brought into its state through the contract; then every
 * action is tried once, and the store before and after shows that refused attempts changed
 * nothing and allowed ones changed only their own request and its trail.
 */

const CUSTOMER_A = { name: 'Carla Cliente', email: 'carla@example.com', phone: '', pin: '4444' };
const CUSTOMER_B = { name: 'Beto Otro', email: 'beto@example.com', phone: '', pin: '5555' };
const OLGA = { username: 'olga', displayName: 'Olga Other', role: 'staff', password: 'olga-password-1', pin: '6666' } as const;

type Case = (typeof ALL_CASES)[number];
const key = (c: Case) => c.join('/');

let t: TestCore;
/** Who acts for each role, and who created the requests they did not create. */
let actor: Record<RoleName, CallContext>;
let otherCreator: Record<RoleName, CallContext>;
let deciderFor: (creatorRole: RoleName) => CallContext;
const fixture = new Map<string, string>();
const results = new Map<string, Envelope<unknown>>();
let before: StoreDump;
let after: StoreDump;

async function signInEveryone(): Promise<void> {
  const [staff, manager, admin, olga, a, b] = await Promise.all([
    signIn(t, STAFF),
    signIn(t, MANAGER),
    signIn(t, ADMIN),
    signIn(t, OLGA),
    customerSignIn(t, CUSTOMER_A),
    customerSignIn(t, CUSTOMER_B),
  ]);
  actor = { customer: a, staff, manager, admin };
  otherCreator = { customer: b, staff: olga, manager: olga, admin: olga };
  deciderFor = (role) => (role === 'manager' ? admin : manager);
}

/** A new request created by `creator` (whose role is `role`), brought into `state` through the contract. */
async function requestIn(state: RuleState, creator: CallContext, role: RoleName, title: string): Promise<string> {
  const r = await t.ok(creator, 'requests.createDraft', { title, description: 'For the enumeration', category: 'General' });
  if (state === 'DELETED') await t.ok(creator, 'requests.deleteDraft', { id: r.id });
  if (state === 'DRAFT' || state === 'DELETED') return r.id;
  await t.ok(creator, 'requests.submit', { id: r.id });
  if (state === 'APPROVED') await t.ok(deciderFor(role), 'requests.approve', { id: r.id });
  if (state === 'REJECTED') await t.ok(deciderFor(role), 'requests.reject', { id: r.id, reason: 'Set up as rejected' });
  if (state === 'WITHDRAWN') await t.ok(creator, 'requests.withdraw', { id: r.id });
  return r.id;
}

function attempt(ctx: CallContext, action: RequestAction, id: string): Promise<Envelope<unknown>> {
  switch (action) {
    case 'edit':
      return t.call(ctx, 'requests.updateDraft', { id, title: 'Edited title', priority: 'high' });
    case 'submit':
      return t.call(ctx, 'requests.submit', { id });
    case 'withdraw':
      return t.call(ctx, 'requests.withdraw', { id });
    case 'approve':
      return t.call(ctx, 'requests.approve', { id });
    case 'reject':
      return t.call(ctx, 'requests.reject', { id, reason: 'Not this time' });
    case 'delete':
      return t.call(ctx, 'requests.deleteDraft', { id });
    case 'restore':
      return t.call(ctx, 'requests.restore', { id });
  }
}

const stateOf = (r: Pick<GeneralRequest, 'status' | 'deleted'>): RuleState => (r.deleted ? 'DELETED' : r.status);

beforeAll(async () => {
  t = await TestCore.create();
  const station = await setUpStation(t);
  await t.ok(station.admin, 'accounts.create', { ...OLGA });
  await registerCustomer(t, CUSTOMER_A);
  await registerCustomer(t, CUSTOMER_B);
  await signInEveryone();
  for (const c of ALL_CASES) {
    const [state, , role, isCreator] = c;
    const creator = isCreator ? actor[role] : otherCreator[role];
    const creatorRole: RoleName = isCreator ? role : role === 'customer' ? 'customer' : 'staff';
    fixture.set(key(c), await requestIn(state, creator, creatorRole, key(c)));
  }
  before = await t.dumpStore();
  // Reopening the store for the dump ended the sessions: everyone signs in again.
  await signInEveryone();
  for (const c of ALL_CASES) results.set(key(c), await attempt(actor[c[2]], c[1], fixture.get(key(c))!));
  after = await t.dumpStore();
}, 300_000);
afterAll(() => t.dispose());

describe('every (state, action, role, is-creator) through the core', () => {
  it('has a fixture in the right state for each of the 336 combinations', () => {
    expect(fixture.size).toBe(336);
    for (const c of ALL_CASES) {
      const doc = before.requests[fixture.get(key(c))!] as { status: GeneralRequest['status']; deleted: boolean };
      expect(stateOf(doc), key(c)).toBe(c[0]);
    }
  });

  it.each(ALL_CASES)('%s, %s by %s (creator: %s)', (state, action, role, isCreator) => {
    const c = [state, action, role, isCreator] as const;
    const expected = expectedOutcome(state, action, role, isCreator);
    const result = results.get(key(c))!;
    const id = fixture.get(key(c))!;
    const changes = diffDumps(before, after).filter((ch) => ch.id === id || (ch.collection === 'audit' && (after.audit[ch.id] as { entityId?: string } | undefined)?.entityId === id));
    if ('next' in expected) {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      const value = (result as { ok: true; value: GeneralRequest }).value;
      expect(stateOf(value)).toBe(expected.next);
      // The request changed, and exactly one audit entry records the old and the new state.
      expect(changes.map((ch) => `${ch.collection}:${ch.change}`).sort()).toEqual(['audit:added', 'requests:changed']);
      const entry = after.audit[changes.find((ch) => ch.collection === 'audit')!.id] as { action: string; before: { status: string; deleted: boolean }; after: { status: string; deleted: boolean } };
      expect(entry.action).toBe(`request.${action}`);
      expect(stateOf(entry.before as GeneralRequest)).toBe(state);
      expect(stateOf(entry.after as GeneralRequest)).toBe(expected.next);
    } else {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code: expected.code } });
      expect(changes).toEqual([]);
    }
  });

  it('nothing else in the store changed: only the allowed requests, their audit entries and the test’s sign-ins', () => {
    const allowedIds = new Set(ALL_CASES.filter((c) => 'next' in expectedOutcome(...c)).map((c) => fixture.get(key(c))!));
    expect(allowedIds.size).toBe(22);
    const unexpected = diffDumps(before, after).filter((ch) => {
      if (ch.collection === 'requests' && ch.change === 'changed' && allowedIds.has(ch.id)) return false;
      if (ch.collection === 'audit' && ch.change === 'added') {
        const e = after.audit[ch.id] as { action: string; entityId: string };
        if (e.action === 'auth.signIn' || allowedIds.has(e.entityId)) return false;
      }
      return true;
    });
    expect(unexpected).toEqual([]);
  });

  it('self-approval is refused for every role, and managers and admins are told why', () => {
    for (const role of ['customer', 'staff', 'manager', 'admin'] as const) {
      for (const action of ['approve', 'reject'] as const) {
        const r = results.get(key(['SUBMITTED', action, role, true]))!;
        expect(r, `${role} ${action}s own`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        if (role === 'manager' || role === 'admin') expect(r).toMatchObject({ error: { message: 'You cannot decide a request you created.' } });
      }
    }
  });
});
