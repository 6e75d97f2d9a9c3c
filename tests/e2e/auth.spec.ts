import { expect, test } from '@playwright/test';
import { ADMIN, seedAccounts, startHost, type Host } from './support/host';
import { staffSignIn } from './support/pages';

test.describe('front-desk sign-in', () => {
  let host: Host;
  test.beforeEach(async () => {
    host = await startHost();
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('first run on an empty data folder creates the first admin, with field errors first', async ({ page }) => {
    await page.goto(host.staffUrl);
    await expect(page.getByRole('heading', { name: 'Set up this station' })).toBeVisible();
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Username').fill('ada');
    await page.getByRole('textbox', { name: 'Password' }).fill('short');
    await page.getByLabel('Quick-switch PIN').fill('12');
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByText('Password needs at least 10 characters')).toBeVisible();
    await expect(page.getByText('PIN is 4 to 8 digits')).toBeVisible();

    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByLabel('Quick-switch PIN').fill(ADMIN.pin);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Ada Admin (Admin)');
    await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();

    // A second window of the same station is no longer offered the set-up.
    const other = await page.context().newPage();
    await other.goto(host.staffUrl);
    await expect(other.getByRole('heading', { name: 'Front desk sign-in' })).toBeVisible();
  });

  test('wrong password is refused, and repeated failures are throttled', async ({ page }) => {
    await seedAccounts(host);
    await page.goto(host.staffUrl);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Username').fill(ADMIN.username);
      await page.getByRole('textbox', { name: 'Password' }).fill(`wrong password ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
      await expect(page.getByRole('textbox', { name: 'Password' })).toHaveValue('');
    }
    // Even the right password is refused now, with a clear wait.
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Too many failed attempts. Try again in');
    await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
  });

  test('quick switch by PIN between staff who signed in today, and lock', async ({ page }) => {
    await seedAccounts(host, [{ username: 'sam', displayName: 'Sam Staff', role: 'staff', password: 'sam password 1', pin: '1357' }]);
    await staffSignIn(page, host.staffUrl, 'sam', 'sam password 1');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await staffSignIn(page, host.staffUrl, ADMIN.username, ADMIN.password);
    await expect(page.getByTestId('signed-in-as')).toContainText('Ada Admin');

    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('heading', { name: 'Station locked' })).toBeVisible();
    // Sam was on shift today: switch to Sam with a wrong PIN, then the right one.
    await page.getByRole('button', { name: /Sam Staff/ }).click();
    await page.getByRole('textbox', { name: 'PIN' }).fill('0000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong PIN.');
    await page.getByRole('textbox', { name: 'PIN' }).fill('1357');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText('Signed in as Sam Staff (Staff)');
    // Staff see no admin screens.
    await expect(page.getByRole('link', { name: 'Accounts', exact: true })).toHaveCount(0);
  });

  test('the station locks itself after inactivity', async ({ page }) => {
    await seedAccounts(host);
    await page.clock.install();
    await staffSignIn(page, host.staffUrl, ADMIN.username, ADMIN.password);
    await page.clock.fastForward('05:30');
    await expect(page.getByRole('heading', { name: 'Station locked' })).toBeVisible();
    await page.getByRole('textbox', { name: 'PIN' }).fill(ADMIN.pin);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByTestId('signed-in-as')).toContainText('Ada Admin');
  });

  test('an admin creates an account, changes its role and disables it', async ({ page }) => {
    await seedAccounts(host);
    await staffSignIn(page, host.staffUrl, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('button', { name: 'New account' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name', { exact: true }).fill('Mia Manager');
    await dialog.getByLabel('Username').fill('mia');
    await dialog.getByRole('textbox', { name: 'Password' }).fill('mia password 1');
    await dialog.getByRole('textbox', { name: 'PIN' }).fill('4321');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const row = page.getByTestId('account-row').filter({ hasText: 'mia' });
    await expect(row).toBeVisible();
    await row.getByLabel('Role mia').click();
    await page.getByRole('option', { name: 'Manager' }).click();
    await expect(row.getByLabel('Role mia')).toHaveValue('Manager');
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('Disabled');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username').fill('mia');
    await page.getByRole('textbox', { name: 'Password' }).fill('mia password 1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('This account is disabled. Ask an administrator.');
  });
});
