import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings';
import { ADMIN, MANAGER, STAFF, TestCore, setUpStation, signIn, type Station } from '../helpers/core';

let t: TestCore;
let st: Station;

beforeAll(async () => {
  t = await TestCore.create();
  st = await setUpStation(t);
});
afterAll(() => t.dispose());

describe('site settings', () => {
  it('start at the defaults and are readable by staff', async () => {
    expect(await t.ok(st.staff, 'settings.get', {})).toEqual(DEFAULT_SETTINGS);
  });
  it('an admin changes them, they are audited and survive a restart', async () => {
    const after = await t.ok(st.admin, 'settings.update', { loanDays: 14 });
    expect(after).toEqual({ ...DEFAULT_SETTINGS, loanDays: 14 });
    const trail = await t.read(st.admin, 'audit.list', { entityId: 'site-settings', limit: 10 });
    expect(trail[0]).toMatchObject({ action: 'settings.update', before: DEFAULT_SETTINGS, after });
    await t.reopen();
    st = { ...st, admin: await signIn(t, ADMIN), manager: await signIn(t, MANAGER), staff: await signIn(t, STAFF) };
    expect((await t.ok(st.staff, 'settings.get', {})).loanDays).toBe(14);
  });
  it('refuses bad values field by field and keeps the old ones', async () => {
    const before = await t.ok(st.staff, 'settings.get', {});
    const e = await t.fail(st.admin, 'settings.update', { loanDays: 0, requestCategories: ['A', 'a'] }, 'VALIDATION');
    expect(e.fields).toEqual({ loanDays: 'At least 1 day', requestCategories: 'Each category only once' });
    expect(await t.ok(st.staff, 'settings.get', {})).toEqual(before);
  });
  it('only admins change them', async () => {
    await t.fail(st.manager, 'settings.update', { loanDays: 3 }, 'FORBIDDEN');
  });
});
