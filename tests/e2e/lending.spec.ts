import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN, contractSession, seedAccounts, startHost, type Host } from './support/host';
import { staffSignIn } from './support/pages';

/**
 * Lending as people do it: a customer at the kiosk, a clerk and a manager at the front desk.
 * Screenshots of the main lending screens are written along the way: into docs/screenshots with
 * FRONTDESK_SCREENSHOTS=1 (for the README), else into test-results.
 */

const shots = process.env.FRONTDESK_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
mkdirSync(shots, { recursive: true });

const SAM = { username: 'sam', displayName: 'Sam Staff', role: 'staff' as const, password: 'staff password 1', pin: '1357' };
const MIA = { username: 'mia', displayName: 'Mia Manager', role: 'manager' as const, password: 'manager password 1', pin: '8642' };
const OLGA = { name: 'Olga Owner', email: 'olga@example.com', phone: '', pin: '1111' };
const BRUNO = { name: 'Bruno Borrower', email: 'bruno@example.com', phone: '+34 612 345 678', pin: '2222' };
const CARL = { name: 'Carl Second', email: 'carl@example.com', phone: '', pin: '3333' };
const DAY = 24 * 60 * 60 * 1000;

async function registerCustomers(host: Host, people: (typeof OLGA)[]): Promise<void> {
  for (const p of people) {
    const c = await contractSession(host.origin.kiosk);
    await c.call('auth.registerCustomer', p);
    c.close();
  }
}

async function kioskPage(browser: Browser, host: Host): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(host.kioskUrl);
  return page;
}

async function kioskSignIn(page: Page, who: { name: string; email: string; pin: string }): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(who.email);
  for (const d of who.pin) await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${who.name}` })).toBeVisible();
}

async function kioskDone(page: Page): Promise<void> {
  await page.getByTestId('kiosk-done').click();
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
}

/** A new front-desk window signed in at a deep link (each page load is a new window, so a new session). */
async function deskAt(browser: Browser, url: string, who: { username: string; password: string }): Promise<Page> {
  const page = await browser.newPage();
  await staffSignIn(page, url, who.username, who.password);
  return page;
}

const rate = (page: Page, label: string) => page.getByRole('radio', { name: label }).click();

/** Stage data through the contract (the screens under test are elsewhere). */
async function stage(host: Host) {
  const desk = await contractSession(host.origin.staff);
  await desk.call('auth.signIn', { username: SAM.username, password: SAM.password });
  const boss = await contractSession(host.origin.staff);
  await boss.call('auth.signIn', { username: MIA.username, password: MIA.password });
  const kiosk = async (who: typeof OLGA) => {
    const c = await contractSession(host.origin.kiosk);
    await c.call('auth.customerSignIn', { email: who.email, pin: who.pin });
    return c;
  };
  const olga = await kiosk(OLGA);
  const available = async (name: string) => {
    const item = await olga.call<{ id: string; code: string }>('lending.submitItem', { name, category: 'tools' });
    await desk.call('lending.inspect', { itemId: item.id, condition: 4 });
    return item;
  };
  return { desk, boss, olga, kiosk, available, close: () => [desk, boss, olga].forEach((c) => c.close()) };
}

test.describe('lending', () => {
  let host: Host;
  test.beforeEach(async () => {
    host = await startHost();
    await seedAccounts(host, [SAM, MIA]);
    await registerCustomers(host, [OLGA, BRUNO, CARL]);
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('intake, inspection at 4, borrow, approve, check out with the due date on both surfaces, check in at 2 back to inspection', async ({ browser }) => {
    // A customer lends an item at the kiosk.
    const kiosk = await kioskPage(browser, host);
    await kioskSignIn(kiosk, OLGA);
    await kiosk.screenshot({ path: join(shots, 'lending-kiosk-home.png') });
    await kiosk.getByRole('button', { name: 'Lend an item' }).click();
    await kiosk.getByRole('button', { name: 'Lend a new item' }).click();
    await kiosk.getByRole('button', { name: 'Send for inspection' }).click();
    await expect(kiosk.getByText('Give the item a name')).toBeVisible();
    await expect(kiosk.getByText('Choose a category')).toBeVisible();
    await kiosk.getByLabel('Item name').fill('Cordless drill');
    await kiosk.getByRole('radio', { name: 'Tools' }).click();
    await kiosk.getByLabel('Description (optional)').fill('18 V, two batteries and a charger');
    await kiosk.screenshot({ path: join(shots, 'lending-kiosk-lend.png') });
    await kiosk.getByRole('button', { name: 'Send for inspection' }).click();
    await expect(kiosk.getByText('Thank you! Bring “Cordless drill” to the front desk for inspection.')).toBeVisible();
    await kiosk.getByRole('button', { name: 'My items' }).click();
    const myDrill = kiosk.getByTestId('my-item').filter({ hasText: 'Cordless drill' });
    await expect(myDrill.getByTestId('item-status')).toHaveText('Waiting for inspection');

    // A clerk inspects it at 4 from the queue.
    const desk = await browser.newPage();
    await staffSignIn(desk, host.staffUrl, SAM.username, SAM.password);
    await desk.getByRole('link', { name: 'Lending', exact: true }).click();
    await expect(desk.getByRole('tab', { name: /Inspection/ })).toHaveAttribute('aria-selected', 'true');
    await desk.getByTestId('queue-row').filter({ hasText: 'Cordless drill' }).click();
    await desk.getByRole('button', { name: 'Save inspection' }).click();
    await expect(desk.getByText('Give a condition from 1 to 5')).toBeVisible();
    await rate(desk, '4 · Good');
    await desk.getByLabel('Notes').fill('Both batteries hold charge');
    await desk.screenshot({ path: join(shots, 'lending-inspection-queue.png') });
    await desk.getByRole('button', { name: 'Save inspection' }).click();
    await expect(desk.getByText('Cordless drill is now available to borrow.')).toBeVisible();
    await expect(desk.getByTestId('queue-row')).toHaveCount(0);

    // The owner's list updates by itself.
    await expect(myDrill.getByTestId('item-status')).toHaveText('Available');
    await kioskDone(kiosk);

    // Another customer finds it in the catalogue and asks to borrow it.
    await kioskSignIn(kiosk, BRUNO);
    await kiosk.getByRole('button', { name: 'Borrow' }).click();
    await kiosk.getByRole('radio', { name: 'Tools' }).click();
    const offered = kiosk.getByTestId('available-item').filter({ hasText: 'Cordless drill' });
    await expect(offered).toBeVisible();
    await kiosk.screenshot({ path: join(shots, 'lending-kiosk-catalogue.png') });
    await offered.getByRole('button', { name: 'Ask to borrow' }).click();
    await expect(kiosk.getByText('Asked to borrow “Cordless drill”.', { exact: false })).toBeVisible();
    await expect(offered.getByText('Asked')).toBeVisible();
    await kiosk.getByRole('button', { name: '← Back' }).click();
    await kiosk.getByRole('button', { name: 'My loans' }).click();
    const loan = kiosk.getByTestId('my-loan').filter({ hasText: 'Cordless drill' });
    await expect(loan.getByTestId('borrow-status')).toHaveText('Waiting for approval');

    // A clerk cannot approve; a manager does.
    await desk.getByRole('tab', { name: /Requests & loans/ }).click();
    await desk.getByRole('link', { name: 'Cordless drill' }).click();
    await expect(desk.getByText('A manager or admin approves or denies borrow requests.')).toBeVisible();
    await expect(desk.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    const requestUrl = desk.url();
    const boss = await deskAt(browser, requestUrl, MIA);
    await expect(boss.getByText('Bruno Borrower').first()).toBeVisible();
    await expect(boss.getByText('bruno@example.com')).toBeVisible();
    await boss.getByRole('button', { name: 'Approve' }).click();
    await expect(boss.getByTestId('borrow-status')).toHaveText('Approved — ready to collect');
    await boss.screenshot({ path: join(shots, 'lending-request.png') });
    await expect(loan.getByTestId('borrow-status')).toHaveText('Approved — ready to collect');

    // The clerk checks it out at the desk, finding it by name.
    await desk.getByRole('link', { name: 'Lending', exact: true }).click();
    await desk.getByRole('tab', { name: /Check-out/ }).click();
    await desk.getByTestId('item-finder').fill('cordless');
    await expect(desk.getByRole('heading', { name: 'Hand over to Bruno Borrower?' })).toBeVisible();
    await desk.screenshot({ path: join(shots, 'lending-check-out.png') });
    await desk.getByRole('button', { name: 'Check out to Bruno Borrower' }).click();
    await expect(desk.getByTestId('checkout-done')).toContainText('Checked out to Bruno Borrower. Due back');
    const deskDue = (await desk.getByTestId('due-date').textContent())!.trim();
    expect(deskDue).toMatch(/\d{4}/);

    // The kiosk shows the same due date.
    await expect(loan.getByTestId('borrow-status')).toHaveText('On loan');
    await expect(loan.getByTestId('due-date')).toHaveText(`Due back ${deskDue}`);
    await kiosk.screenshot({ path: join(shots, 'lending-kiosk-my-loans.png') });
    await kioskDone(kiosk);

    // Check-in by the label code (as a scanner types it) at 2: back to the inspection queue.
    await desk.getByRole('link', { name: 'Cordless drill' }).click();
    const code = (await desk.getByTestId('item-code').textContent())!.trim();
    expect(code).toMatch(/^IT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await desk.getByRole('link', { name: 'Lending', exact: true }).click();
    await desk.getByRole('tab', { name: /Check-in/ }).click();
    await desk.getByTestId('item-finder').fill(code.toLowerCase());
    await desk.getByTestId('item-finder').press('Enter');
    await expect(desk.getByText('Bruno Borrower')).toBeVisible();
    await rate(desk, '2 · Poor');
    await desk.getByRole('button', { name: 'Check in' }).click();
    await expect(desk.getByTestId('checkin-done')).toContainText('Cordless drill is back.');
    await expect(desk.getByTestId('checkin-done')).toContainText('Rated below 3: it goes back to the inspection queue.');
    await desk.getByRole('tab', { name: /Inspection/ }).click();
    await expect(desk.getByTestId('queue-row').filter({ hasText: 'Cordless drill' })).toBeVisible();

    // The item's page has its whole history.
    await desk.getByTestId('queue-row').filter({ hasText: 'Cordless drill' }).click();
    await desk.getByRole('link', { name: 'Open item page' }).click();
    await expect(desk.getByTestId('inspections').getByRole('row')).toHaveCount(2);
    await expect(desk.getByTestId('loans')).toContainText('Bruno Borrower');
    await expect(desk.getByTestId('loans')).toContainText('Returned');
    await expect(desk.getByText('item.return')).toBeVisible();
    await desk.screenshot({ path: join(shots, 'lending-item.png'), fullPage: true });
  });

  test('rejected at intake, denied with a reason, and a second approval refused — each seen by the customer', async ({ browser }) => {
    const s = await stage(host);
    await s.olga.call('lending.submitItem', { name: 'Old kettle', category: 'kitchen' });
    const tent = await s.available('Tent');
    const canoe = await s.available('Canoe');
    const bruno = await s.kiosk(BRUNO);
    const carl = await s.kiosk(CARL);
    const tentRequest = await bruno.call<{ id: string }>('lending.requestBorrow', { itemId: tent.id });
    const canoeFirst = await bruno.call<{ id: string }>('lending.requestBorrow', { itemId: canoe.id });
    const canoeSecond = await carl.call<{ id: string }>('lending.requestBorrow', { itemId: canoe.id });

    // Inspection at 2 rejects; the owner sees it.
    const desk = await deskAt(browser, `${host.staffUrl}/lending`, SAM);
    await desk.getByTestId('queue-row').filter({ hasText: 'Old kettle' }).click();
    await rate(desk, '2 · Poor');
    await desk.getByRole('button', { name: 'Save inspection' }).click();
    await expect(desk.getByText('Old kettle was rejected.')).toBeVisible();
    const kiosk = await kioskPage(browser, host);
    await kioskSignIn(kiosk, OLGA);
    await kiosk.getByRole('button', { name: 'Lend an item' }).click();
    await expect(kiosk.getByTestId('my-item').filter({ hasText: 'Old kettle' }).getByTestId('item-status')).toHaveText('Rejected');
    await kioskDone(kiosk);

    // A manager denies with a reason (required); the borrower reads it.
    const boss = await deskAt(browser, `${host.staffUrl}/lending/requests/${tentRequest.id}`, MIA);
    await boss.getByRole('button', { name: 'Deny' }).click();
    await boss.getByRole('dialog').getByRole('button', { name: 'Deny' }).click();
    await expect(boss.getByText('Say why the request is denied')).toBeVisible();
    await boss.getByLabel('Reason').fill('The tent is booked for the summer camp');
    await boss.getByRole('dialog').getByRole('button', { name: 'Deny' }).click();
    await expect(boss.getByTestId('borrow-status')).toHaveText('Denied');
    await kioskSignIn(kiosk, BRUNO);
    await kiosk.getByRole('button', { name: 'My loans' }).click();
    const denied = kiosk.getByTestId('my-loan').filter({ hasText: 'Tent' });
    await expect(denied.getByTestId('borrow-status')).toHaveText('Denied');
    await expect(denied.getByTestId('deny-reason')).toHaveText('Reason: The tent is booked for the summer camp');

    // Two people asked for the canoe: the second approval is refused, clearly.
    const first = await deskAt(browser, `${host.staffUrl}/lending/requests/${canoeFirst.id}`, MIA);
    await first.getByRole('button', { name: 'Approve' }).click();
    await expect(first.getByTestId('borrow-status')).toHaveText('Approved — ready to collect');
    const second = await deskAt(browser, `${host.staffUrl}/lending/requests/${canoeSecond.id}`, MIA);
    await expect(second.getByTestId('holder-warning')).toContainText('This item is already approved — ready to collect for Bruno Borrower.');
    await second.getByRole('button', { name: 'Approve' }).click();
    await expect(second.getByTestId('error')).toHaveText('Canoe is already reserved for Bruno Borrower: only one approved request per item. Deny this one, or approve it after the item is back.');
    await expect(second.getByTestId('borrow-status')).toHaveText('Waiting for approval');

    // The customer cancels a waiting request at the kiosk.
    const other = await s.available('Hammock');
    await bruno.call('lending.requestBorrow', { itemId: other.id });
    await kiosk.reload();
    await kioskSignIn(kiosk, BRUNO);
    await kiosk.getByRole('button', { name: 'My loans' }).click();
    const hammock = kiosk.getByTestId('my-loan').filter({ hasText: 'Hammock' });
    await hammock.getByRole('button', { name: 'Cancel request' }).click();
    await kiosk.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
    await expect(hammock.getByTestId('borrow-status')).toHaveText('Cancelled');
    [bruno, carl].forEach((c) => c.close());
    s.close();
  });

  test('an overdue loan shows in the overdue list with days overdue and the borrower’s contact', async ({ browser }) => {
    const s = await stage(host);
    const ladder = await s.available('Ladder');
    const bruno = await s.kiosk(BRUNO);
    const r = await bruno.call<{ id: string }>('lending.requestBorrow', { itemId: ladder.id });
    await s.boss.call('lending.approveBorrow', { requestId: r.id });
    await s.desk.call('lending.checkOut', { requestId: r.id });
    bruno.close();
    s.close();

    const desk = await deskAt(browser, `${host.staffUrl}/lending/overdue`, ADMIN);
    await expect(desk.getByText('No loan is overdue.')).toBeVisible();
    await desk.close();

    // Seven loan days, then ten days pass on the core's clock (less an hour): three days late.
    await host.advanceClock(10 * DAY - 60 * 60 * 1000);
    const later = await browser.newPage();
    await staffSignIn(later, host.staffUrl, SAM.username, SAM.password);
    await expect(later.getByTestId('lending-overdue')).toHaveText('1');
    await later.screenshot({ path: join(shots, 'lending-dashboard.png') });
    await later.getByRole('link', { name: 'Lending', exact: true }).click();
    await later.getByRole('tab', { name: /Overdue/ }).click();
    const row = later.getByTestId('overdue-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Ladder');
    await expect(row).toContainText('Bruno Borrower');
    await expect(row).toContainText('bruno@example.com');
    await expect(row).toContainText('+34612345678');
    await expect(row.getByTestId('days-overdue')).toHaveText('3 days');
    await later.screenshot({ path: join(shots, 'lending-overdue.png') });
  });
});
