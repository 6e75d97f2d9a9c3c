import type { MethodInput, MethodName, TopicName, TopicParams } from '../../shared/contract';
import { ADMIN, CUSTOMER, registerCustomer, setUpStation, type Station, type TestCore } from './core';

/**
 * A station with data in every state, so a call that slipped past authorization or
 * validation would really change something (and the store comparison would show it).
 */
export interface SeededStation extends Station {
  /** Active person. */
  personId: string;
  /** Another active person (merge target). */
  otherPersonId: string;
  inactivePersonId: string;
  deletedPersonId: string;
  customerPersonId: string;
  customerAccountId: string;
  /** Requests in the states their methods act on (optional: the shape test below builds a station without them). */
  requestIds?: { draft: string; submitted: string; deleted: string };
  /** Lending items and borrow requests in the states its methods act on (optional, like requestIds). */
  lendingIds?: { pendingItem: string; availableItem: string; pendingBorrow: string; approvedBorrow: string };
}

export async function seedStation(t: TestCore): Promise<SeededStation> {
  const station = await setUpStation(t);
  const { admin } = station;
  const person = await t.ok(admin, 'people.create', { name: 'Ana García', email: 'ana@example.com', phone: '+34 600 000 001' });
  const other = await t.ok(admin, 'people.create', { name: 'Ana Garcia', email: '', phone: '+34 600 000 002' });
  const inactive = await t.ok(admin, 'people.create', { name: 'Bruno Inactivo', email: 'bruno@example.com', phone: '' });
  await t.ok(admin, 'people.deactivate', { id: inactive.id });
  const deleted = await t.ok(admin, 'people.create', { name: 'Dora Borrada', email: 'dora@example.com', phone: '' });
  await t.ok(admin, 'people.delete', { id: deleted.id });
  const customer = await registerCustomer(t);
  const draft = await t.ok(customer.ctx, 'requests.createDraft', { title: 'A locker, please', category: 'Facilities' });
  const submitted = await t.ok(station.staff, 'requests.createDraft', { title: 'New headset', category: 'Equipment' });
  await t.ok(station.staff, 'requests.submit', { id: submitted.id });
  const deletedRequest = await t.ok(station.staff, 'requests.createDraft', { title: 'Never mind', category: 'Other' });
  await t.ok(station.staff, 'requests.deleteDraft', { id: deletedRequest.id });
  const pendingItem = await t.ok(customer.ctx, 'lending.submitItem', { name: 'Camping stove', category: 'kitchen' });
  const availableItem = await t.ok(station.staff, 'lending.submitItem', { name: 'Cordless drill', category: 'tools', ownership: 'lent', ownerId: person.id });
  await t.ok(station.staff, 'lending.inspect', { itemId: availableItem.id, condition: 4 });
  const pendingBorrow = await t.ok(customer.ctx, 'lending.requestBorrow', { itemId: availableItem.id });
  const siteItem = await t.ok(station.staff, 'lending.submitItem', { name: 'Projector', category: 'electronics', ownership: 'site' });
  await t.ok(station.staff, 'lending.inspect', { itemId: siteItem.id, condition: 5 });
  const approvedBorrow = await t.ok(station.staff, 'lending.requestBorrow', { itemId: siteItem.id, borrowerId: person.id });
  await t.ok(station.manager, 'lending.approveBorrow', { requestId: approvedBorrow.id });
  return {
    ...station,
    personId: person.id,
    otherPersonId: other.id,
    inactivePersonId: inactive.id,
    deletedPersonId: deleted.id,
    customerPersonId: customer.session.personId ?? '',
    customerAccountId: customer.session.accountId,
    requestIds: { draft: draft.id, submitted: submitted.id, deleted: deletedRequest.id },
    lendingIds: { pendingItem: pendingItem.id, availableItem: availableItem.id, pendingBorrow: pendingBorrow.id, approvedBorrow: approvedBorrow.id },
  };
}

/**
 * A valid input for every method of the contract. The mapped type makes this exhaustive:
 * a method added to the contract without a sample here is a type error in the tests.
 * Each input would do real harm if the call were let through (sign in as the admin, make
 * an admin, disable or take over accounts, change or merge people...).
 */
export function validInputs(s: SeededStation): { [M in MethodName]: MethodInput<M> } {
  const r = s.requestIds ?? { draft: 'request-1', submitted: 'request-2', deleted: 'request-3' };
  const l = s.lendingIds ?? { pendingItem: 'item-1', availableItem: 'item-2', pendingBorrow: 'borrow-1', approvedBorrow: 'borrow-2' };
  return {
    'system.info': {},
    'setup.createFirstAdmin': { username: 'intruder', displayName: 'Intruder', password: 'intruder-password', pin: '9999' },
    'auth.signIn': { username: ADMIN.username, password: ADMIN.password },
    'auth.session': {},
    'auth.signOut': {},
    'auth.touch': {},
    'auth.lock': {},
    'auth.shift': {},
    'auth.switchByPin': { accountId: s.adminId, pin: ADMIN.pin },
    'auth.registerCustomer': { name: 'Nora Nueva', email: 'nora@example.com', phone: '+34 611 111 111', pin: '5555' },
    'auth.customerSignIn': { email: CUSTOMER.email, pin: CUSTOMER.pin },
    'accounts.list': {},
    'accounts.create': { username: 'intruder', displayName: 'Intruder', role: 'admin', password: 'intruder-password', pin: '9999' },
    'accounts.update': { id: s.staffId, role: 'admin' },
    'accounts.resetPassword': { id: s.adminId, password: 'taken-over-password', pin: '0000' },
    'kiosk.myProfile': {},
    'settings.get': {},
    'settings.update': { loanDays: 365, requestCategories: ['Only'] },
    'people.get': { id: s.personId },
    'people.create': { name: 'Ivan Intruso', email: 'ivan@example.com', phone: '+34 622 222 222' },
    'people.update': { id: s.personId, name: 'Changed Name', email: 'changed@example.com' },
    'people.deactivate': { id: s.personId },
    'people.reactivate': { id: s.inactivePersonId },
    'people.delete': { id: s.personId },
    'people.restore': { id: s.deletedPersonId },
    'people.findDuplicates': { name: 'Ana García', email: 'ana@example.com', phone: '+34 600 000 002' },
    'people.merge': { keepId: s.personId, mergeId: s.otherPersonId },
    'people.block': { id: s.personId, reason: 'Sample reason' },
    'people.unblock': { id: s.personId },
    'audit.verify': {},
    'requests.createDraft': { title: 'Intruder request', category: 'General' },
    'requests.createOnBehalf': { personId: s.personId, title: 'Made up for Ana', category: 'General', priority: 'high' },
    'requests.updateDraft': { id: r.draft, title: 'Changed title', category: 'Other' },
    'requests.submit': { id: r.draft },
    'requests.withdraw': { id: r.submitted },
    'requests.deleteDraft': { id: r.draft },
    'requests.approve': { id: r.submitted },
    'requests.reject': { id: r.submitted, reason: 'Because I can' },
    'requests.restore': { id: r.deleted },
    'requests.assignees': {},
    'lending.submitItem': { name: 'Intruder item', category: 'tools', ownership: 'site' },
    'lending.inspect': { itemId: l.pendingItem, condition: 5, notes: 'Looks fine' },
    'lending.withdrawItem': { itemId: l.availableItem },
    'lending.requestBorrow': { itemId: l.availableItem },
    'lending.approveBorrow': { requestId: l.pendingBorrow },
    'lending.denyBorrow': { requestId: l.pendingBorrow, reason: 'Because I can' },
    'lending.cancelBorrow': { requestId: l.approvedBorrow },
    'lending.checkOut': { requestId: l.approvedBorrow },
    'lending.checkIn': { requestId: l.approvedBorrow, condition: 1 },
  };
}

/** Valid params for every live topic (exhaustive, like the methods). */
export function validParams(): { [T in TopicName]: TopicParams<T> } {
  return {
    'people.list': { search: 'ana', status: 'all' },
    'people.stats': {},
    'audit.list': { limit: 1000 },
    'requests.mine': { limit: 50 },
    'requests.forPerson': { personId: 'person-1' },
    'requests.get': { id: 'request-1' },
    'requests.trail': { id: 'request-1' },
    'requests.deleted': {},
    'approvals.inbox': { kind: 'all', category: '' },
    'approvals.count': {},
    'lending.myItems': {},
    'lending.availableItems': { category: 'tools', search: 'dr' },
    'lending.myLoans': {},
    'lending.inspectionQueue': { limit: 100 },
    'lending.requests': { status: 'PENDING' },
    'lending.overdue': {},
    'lending.counts': {},
    'lending.lookup': { query: 'drill' },
    'lending.item': { itemId: 'item-1' },
    'lending.request': { requestId: 'borrow-1' },
  };
}
