import { expect, test } from '@playwright/test';
import { ADMIN, newDataDir, seedAccounts, startHost } from './support/host';
import { createPerson, staffSignIn } from './support/pages';

test('data is still there after the web host is stopped and started again', async ({ page }) => {
  const dataDir = newDataDir();
  const first = await startHost(dataDir);
  await seedAccounts(first);
  await staffSignIn(page, first.staffUrl, ADMIN.username, ADMIN.password);
  await createPerson(page, { name: 'Irene Paz', email: 'irene@example.com' });
  await first.stop();

  const second = await startHost(dataDir);
  try {
    await staffSignIn(page, second.staffUrl, ADMIN.username, ADMIN.password);
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await expect(page.getByTestId('person-row').filter({ hasText: 'Irene Paz' })).toBeVisible();
    await page.getByRole('link', { name: 'Audit', exact: true }).click();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('verify-result')).toContainText('Chain intact');
  } finally {
    await second.stop();
  }
});
