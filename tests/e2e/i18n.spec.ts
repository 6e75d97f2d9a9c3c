import { expect, test } from '@playwright/test';
import { contractSession, seedAccounts, startHost, type Host } from './support/host';

/**
 * The core and the shared rules speak English; a customer who chose Español at the kiosk must
 * read their errors in Spanish: client-side checks (lib/forms.ts) and the core's answers (lib/client.ts).
 */
test.describe('messages in the kiosk language', () => {
  let host: Host;
  test.beforeEach(async () => {
    host = await startHost();
    await seedAccounts(host);
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('a customer using the kiosk in Spanish sees Spanish field and sign-in messages', async ({ browser }) => {
    // Someone already registered, so the core has an email to refuse.
    const c = await contractSession(host.origin.kiosk);
    await c.call('auth.registerCustomer', { name: 'Lucía Ferrer', email: 'lucia@example.com', phone: '', pin: '4321' });
    c.close();

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(host.kioskUrl);
    await kiosk.getByText('Español', { exact: true }).click();
    await expect(kiosk.getByRole('heading', { name: 'Bienvenido' })).toBeVisible();

    // Client-side checks with the contract's schema: English rules, Spanish on screen.
    await kiosk.getByRole('button', { name: 'Registrarme' }).click();
    await kiosk.getByLabel('Nombre').fill('José Núñez');
    await kiosk.getByLabel('Correo').fill('jose@example');
    await kiosk.getByRole('textbox', { name: 'Elija un PIN' }).fill('12');
    await kiosk.getByRole('textbox', { name: 'Repita el PIN' }).fill('12');
    await kiosk.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await expect(kiosk.getByText('Escriba un correo válido, como nombre@ejemplo.com')).toBeVisible();
    await expect(kiosk.getByText('El PIN tiene de 4 a 8 dígitos')).toBeVisible();
    await expect(kiosk.getByText('Enter a valid email address', { exact: false })).toHaveCount(0);
    await expect(kiosk.getByText('PIN is 4 to 8 digits')).toHaveCount(0);

    // The core's refusal, message and field message, comes through call() in Spanish.
    await kiosk.getByLabel('Correo').fill('lucia@example.com');
    await kiosk.getByRole('textbox', { name: 'Elija un PIN' }).fill('5555');
    await kiosk.getByRole('textbox', { name: 'Repita el PIN' }).fill('5555');
    await kiosk.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await expect(kiosk.getByTestId('error')).toHaveText('Este correo ya está registrado. Entre con su cuenta.');
    await expect(kiosk.getByText('Ya está registrado: entre con su cuenta')).toBeVisible();

    // A wrong sign-in.
    await kiosk.getByTestId('kiosk-done').click();
    await expect(kiosk.getByRole('heading', { name: 'Welcome' })).toBeVisible();
    await kiosk.getByText('Español', { exact: true }).click();
    await kiosk.getByRole('button', { name: 'Entrar' }).click();
    await kiosk.getByLabel('Correo').fill('lucia@example.com');
    for (const d of '9999') await kiosk.getByRole('button', { name: d, exact: true }).click();
    await kiosk.getByRole('button', { name: 'Entrar' }).click();
    await expect(kiosk.getByTestId('error')).toHaveText('Correo o PIN incorrectos.');
  });
});
