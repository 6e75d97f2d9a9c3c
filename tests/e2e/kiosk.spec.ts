import { expect, test } from '@playwright/test';
import { ADMIN, seedAccounts, startHost, type Host } from './support/host';
import { staffSignIn } from './support/pages';

test.describe('kiosk', () => {
  let host: Host;
  test.beforeEach(async () => {
    host = await startHost();
    await seedAccounts(host);
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('a customer registers at the kiosk and appears at the front desk without reload', async ({ browser }) => {
    const desk = await browser.newPage();
    await staffSignIn(desk, host.staffUrl, ADMIN.username, ADMIN.password);
    await desk.getByRole('link', { name: 'People', exact: true }).click();
    await expect(desk.getByText('No people match.')).toBeVisible();

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(host.kioskUrl);
    await kiosk.getByRole('button', { name: 'Register' }).click();
    await kiosk.getByLabel('Name').fill('Carmen Vidal');
    await kiosk.getByLabel('Email').fill('carmen@example.com');
    await kiosk.getByRole('textbox', { name: 'Choose a PIN' }).fill('12');
    await kiosk.getByRole('button', { name: 'Create my account' }).click();
    await expect(kiosk.getByText('PIN is 4 to 8 digits')).toBeVisible();
    await kiosk.getByRole('textbox', { name: 'Choose a PIN' }).fill('5555');
    await kiosk.getByRole('textbox', { name: 'Repeat the PIN' }).fill('5556');
    await kiosk.getByRole('button', { name: 'Create my account' }).click();
    await expect(kiosk.getByText('The two PINs are different')).toBeVisible();
    await kiosk.getByRole('textbox', { name: 'Repeat the PIN' }).fill('5555');
    await kiosk.getByRole('button', { name: 'Create my account' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Hello, Carmen Vidal' })).toBeVisible();
    await expect(kiosk.getByText('carmen@example.com')).toBeVisible();

    // The front desk's open list updates by itself.
    await expect(desk.getByTestId('person-row').filter({ hasText: 'Carmen Vidal' })).toBeVisible();
    await expect(desk.getByTestId('stat-total')).toHaveText('1');

    // Done: back to welcome, and sign in again with email + keypad PIN.
    await kiosk.getByTestId('kiosk-done').click();
    await expect(kiosk.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await kiosk.getByRole('button', { name: 'Sign in' }).click();
    await kiosk.getByLabel('Email').fill('carmen@example.com');
    for (const d of '5555') await kiosk.getByRole('button', { name: d, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Sign in' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Hello, Carmen Vidal' })).toBeVisible();
  });

  test('the kiosk resets to welcome after 60 s without input, leaving nothing of the last person', async ({ browser }) => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.clock.install();
    await kiosk.goto(host.kioskUrl);
    await kiosk.getByRole('button', { name: 'Register' }).click();
    await kiosk.getByLabel('Name').fill('Diego Soto');
    await kiosk.getByLabel('Email').fill('diego@example.com');
    await kiosk.getByRole('textbox', { name: 'Choose a PIN' }).fill('2020');
    await kiosk.getByRole('textbox', { name: 'Repeat the PIN' }).fill('2020');
    await kiosk.getByRole('button', { name: 'Create my account' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Hello, Diego Soto' })).toBeVisible();

    await kiosk.clock.fastForward('00:50');
    await expect(kiosk.getByRole('heading', { name: 'Hello, Diego Soto' })).toBeVisible();
    await kiosk.clock.fastForward('00:15');
    await expect(kiosk.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await expect(kiosk.getByText('Diego')).toHaveCount(0);
    await expect(kiosk).toHaveURL(/\/kiosk\/?$/);
    // The session is gone in the core too: going back shows nothing personal.
    await kiosk.goto(`${host.kioskUrl}/home`);
    await expect(kiosk.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await expect(kiosk.getByText('diego@example.com')).toHaveCount(0);

    // A half-filled form is also cleared after the timeout.
    await kiosk.getByRole('button', { name: 'Sign in' }).click();
    await kiosk.getByLabel('Email').fill('someone@example.com');
    await kiosk.clock.fastForward('01:05');
    await expect(kiosk.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await kiosk.getByRole('button', { name: 'Sign in' }).click();
    await expect(kiosk.getByLabel('Email')).toHaveValue('');
  });

  test('the kiosk cannot reach front-desk screens or methods', async ({ browser }) => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${host.origin.kiosk}/staff/people`);
    await expect(kiosk.getByText('Kiosk station')).toBeVisible();
    const result = await kiosk.evaluate(async () => {
      const ws = new WebSocket(`ws://${location.host}/ws`);
      await new Promise((r) => (ws.onopen = r));
      return new Promise<string>((resolve) => {
        ws.onmessage = (ev) => resolve(String(ev.data));
        ws.send(JSON.stringify({ t: 'call', id: 1, method: 'people.create', input: { name: 'Mallory', email: '', phone: '' } }));
      });
    });
    expect(JSON.parse(result).envelope.error.code).toBe('FORBIDDEN');
  });
});
