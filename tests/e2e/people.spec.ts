import { expect, test } from '@playwright/test';
import { ADMIN, contractSession, seedAccounts, startHost, type Host } from './support/host';
import { createPerson, staffSignIn } from './support/pages';

test.describe('people at the front desk', () => {
  let host: Host;
  test.beforeEach(async () => {
    host = await startHost();
    await seedAccounts(host, [{ username: 'max', displayName: 'Max Manager', role: 'manager', password: 'max password 1', pin: '8642' }]);
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('invalid input shows field errors and saves nothing; then create, search, edit, deactivate', async ({ page }) => {
    await staffSignIn(page, host.staffUrl, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Phone').fill('612 345 678');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Name is required')).toBeVisible();
    await expect(page.getByText('Enter a valid email address, like name@example.com')).toBeVisible();
    await expect(page.getByText('Enter the phone in international form, like +34 612 345 678')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('stat-total')).toHaveText('0');
    await expect(page.getByText('No people match.')).toBeVisible();

    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Name').fill('Lucía Fernández');
    await page.getByLabel('Email').fill('lucia@example.com');
    await page.getByLabel('Phone').fill('+34 612 345 678');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Lucía Fernández' })).toBeVisible();
    await expect(page.getByText('+34612345678')).toBeVisible();
    await createPerson(page, { name: 'Bruno Díaz', email: 'bruno@example.com' });

    // Search by surname without accents, by email and by phone.
    await page.getByRole('link', { name: 'People', exact: true }).click();
    const search = page.getByRole('textbox', { name: 'Search' });
    const rows = page.getByTestId('person-row');
    await search.fill('fernandez');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Lucía Fernández');
    await search.fill('bruno@');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Bruno Díaz');
    await search.fill('+34 612');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Lucía');

    // Edit.
    await rows.first().click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Email').fill('lucia.f@example.com');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('lucia.f@example.com')).toBeVisible();

    // Deactivate (confirmed), then it leaves the active list.
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByText('Inactive', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByTestId('stat-active')).toHaveText('1');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Bruno Díaz');
    await page.locator('label').filter({ hasText: /^Inactive$/ }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Lucía Fernández');
  });

  test('a duplicate is flagged on create, and a manager merges the two records', async ({ page }) => {
    await staffSignIn(page, host.staffUrl, 'max', 'max password 1');
    await createPerson(page, { name: 'Ana García', email: 'ana@example.com', phone: '+34 600 111 222' });

    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('link', { name: 'New person' }).click();
    await page.getByLabel('Name').fill('Ana Garcia');
    const warning = page.getByTestId('duplicate-warning');
    await expect(warning).toContainText('Ana García');
    await expect(warning).toContainText('similar name');
    await page.getByLabel('Phone').fill('+34 600 111 222');
    await expect(warning).toContainText('same phone');
    // The desk may still create it (two people can share a name); then merge.
    await page.getByLabel('Phone').fill('');
    await page.getByLabel('Email').fill('ana.g@example.org');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Ana Garcia' })).toBeVisible();

    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByTestId('person-row').filter({ hasText: 'Ana García' }).click();
    await page.getByRole('button', { name: 'Merge a duplicate into this record' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Search' }).fill('ana.g@');
    await dialog.getByRole('button', { name: /Ana Garcia/ }).click();
    await dialog.getByRole('button', { name: 'Keep Ana García and retire Ana Garcia' }).click();
    await expect(page.getByText('Records merged.')).toBeVisible();

    await page.getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByTestId('person-row')).toHaveCount(1);
    await expect(page.getByTestId('stat-total')).toHaveText('1');
  });

  test('a manager puts a person on the block list with a reason, and takes them off', async ({ page }) => {
    await staffSignIn(page, host.staffUrl, 'max', 'max password 1');
    await createPerson(page, { name: 'Rita Rojas', email: 'rita@example.com' });
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await expect(dialog.getByText('Say why the person is blocked')).toBeVisible();
    await dialog.getByLabel('Reason').fill('Kept the projector for two months');
    await dialog.getByRole('button', { name: 'Block', exact: true }).click();
    await expect(page.getByTestId('blocked-reason')).toContainText('Kept the projector for two months');
    await page.getByRole('button', { name: 'Unblock' }).click();
    await expect(page.getByTestId('blocked-reason')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Block', exact: true })).toBeVisible();
  });

  test('every change is audited and the chain verifies', async ({ page }) => {
    await staffSignIn(page, host.staffUrl, ADMIN.username, ADMIN.password);
    await createPerson(page, { name: 'Olga Ortiz' });
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    const created = page.getByTestId('audit-row').filter({ hasText: 'person.create' });
    await expect(created).toHaveCount(1);
    // Opening the entry shows what changed, field by field.
    await created.click();
    await expect(page.getByTestId('audit-changes').getByRole('row', { name: /name\s+—\s+Olga Ortiz/ })).toBeVisible();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('verify-result')).toContainText('Chain intact');
  });

  test('a staff member cannot merge or see the audit log; the contract refuses too', async ({ page }) => {
    const c = await contractSession(host.origin.staff);
    await c.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await c.call('accounts.create', { username: 'sue', displayName: 'Sue Staff', role: 'staff', password: 'sue password 1', pin: '1111' });
    c.close();
    await staffSignIn(page, host.staffUrl, 'sue', 'sue password 1');
    await createPerson(page, { name: 'Pablo Ruiz' });
    await expect(page.getByRole('button', { name: 'Merge a duplicate into this record' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Audit', exact: true })).toHaveCount(0);
  });
});
