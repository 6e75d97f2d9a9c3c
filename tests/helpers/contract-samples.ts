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
  return {
    ...station,
    personId: person.id,
    otherPersonId: other.id,
    inactivePersonId: inactive.id,
    deletedPersonId: deleted.id,
    customerPersonId: customer.session.personId ?? '',
    customerAccountId: customer.session.accountId,
  };
}

/**
 * A valid input for every method of the contract. The mapped type makes this exhaustive:
 * a method added to the contract without a sample here is a type error in the tests.
 * Each input would do real harm if the call were let through (sign in as the admin, make
 * an admin, disable or take over accounts, change or merge people...).
 */
export function validInputs(s: SeededStation): { [M in MethodName]: MethodInput<M> } {
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
    'audit.verify': {},
  };
}

/** Valid params for every live topic (exhaustive, like the methods). */
export function validParams(): { [T in TopicName]: TopicParams<T> } {
  return {
    'people.list': { search: 'ana', status: 'all' },
    'people.stats': {},
    'audit.list': { limit: 1000 },
  };
}
