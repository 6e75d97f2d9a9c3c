import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { ADMIN, contractSession, seedAccounts, startHost } from './support/host';
import { staffSignIn } from './support/pages';

/**
 * Walks the main screens at the sizes people use and saves a picture of each:
 * into docs/screenshots with FRONTDESK_SCREENSHOTS=1 (for the README), else test-results.
 */
const dir = process.env.FRONTDESK_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const PEOPLE = [
  ['Lucía Fernández', 'lucia@example.com', '+34 612 345 678'],
  ['Bruno Díaz', 'bruno@example.com', '+34 622 111 333'],
  ['Amara Okafor', 'amara.okafor@example.org', '+44 7911 123456'],
  ['Chen Wei 陈伟', 'chen.wei@example.cn', '+86 138 0013 8000'],
  ['José Álvarez', '', '+52 55 1234 5678'],
  ['Marie Dubois', 'marie.dubois@example.fr', ''],
  ['Ana García', 'ana@example.com', '+34 600 111 222'],
  ['Oliver Smith', 'oliver@example.co.uk', '+44 20 7946 0958'],
];

test('screens at front-desk and kiosk sizes', async ({ browser }) => {
  const host = await startHost();
  try {
    await seedAccounts(host);
    const c = await contractSession(host.origin.staff);
    await c.call('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    for (const [name, email, phone] of PEOPLE) await c.call('people.create', { name, email, phone, address: '' });
    c.close();

    const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await desk.goto(host.staffUrl);
    await expect(desk.getByRole('heading', { name: 'Front desk sign-in' })).toBeVisible();
    await desk.screenshot({ path: join(dir, 'staff-sign-in.png') });
    await staffSignIn(desk, host.staffUrl, ADMIN.username, ADMIN.password);
    await desk.getByRole('link', { name: 'People', exact: true }).click();
    await expect(desk.getByTestId('person-row')).toHaveCount(PEOPLE.length);
    await desk.screenshot({ path: join(dir, 'staff-people-list.png') });

    await desk.getByRole('link', { name: 'New person' }).click();
    await desk.getByLabel('Name').fill('Ana Garcia');
    await desk.getByLabel('Email').fill('ana(at)example');
    await desk.getByLabel('Phone').fill('600 111 222');
    await desk.getByRole('button', { name: 'Save' }).click();
    await expect(desk.getByText('Enter a valid email address, like name@example.com')).toBeVisible();
    await expect(desk.getByTestId('duplicate-warning')).toBeVisible();
    await desk.screenshot({ path: join(dir, 'staff-person-form-errors.png') });

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(host.kioskUrl);
    await expect(kiosk.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await kiosk.screenshot({ path: join(dir, 'kiosk-welcome.png') });
    await kiosk.getByRole('button', { name: 'Register' }).click();
    await kiosk.getByLabel('Name').fill('Carmen Vidal');
    await kiosk.getByLabel('Email').fill('carmen@example');
    await kiosk.getByRole('button', { name: 'Create my account' }).click();
    await expect(kiosk.getByText('Enter a valid email address, like name@example.com')).toBeVisible();
    await kiosk.screenshot({ path: join(dir, 'kiosk-register.png') });
    await kiosk.getByRole('button', { name: 'Done' }).click();
    await kiosk.getByRole('button', { name: 'Sign in' }).click();
    await kiosk.screenshot({ path: join(dir, 'kiosk-sign-in.png') });
  } finally {
    await host.stop();
  }
});
