import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { ADMIN, contractSession, seedAccounts, startHost, type Host } from './support/host';
import { staffSignIn } from './support/pages';

const MAX = { username: 'max', displayName: 'Max Manager', role: 'manager', password: 'max password 1', pin: '8642' } as const;
const MONA = { username: 'mona', displayName: 'Mona Manager', role: 'manager', password: 'mona password 1', pin: '8643' } as const;
const SUE = { username: 'sue', displayName: 'Sue Staff', role: 'staff', password: 'sue password 1', pin: '1357' } as const;
const CARMEN = { name: 'Carmen Vidal', email: 'carmen@example.com', phone: '', pin: '5555' };

const dir = process.env.FRONTDESK_SCREENSHOTS === '1' ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots') : join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

async function registerAtKiosk(host: Host, who: typeof CARMEN): Promise<void> {
  const c = await contractSession(host.origin.kiosk);
  await c.call('auth.registerCustomer', who);
  c.close();
}

async function kioskSignIn(page: Page, host: Host, who: { email: string; pin: string }): Promise<void> {
  await page.goto(host.kioskUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(who.email);
  for (const d of who.pin) await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /^Hello,/ })).toBeVisible();
}

const confirm = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();

/** A contract client signed in as a staff account (to check what the core refuses, not what the screen hides). */
async function asStaff(host: Host, who: { username: string; password: string }) {
  const c = await contractSession(host.origin.staff);
  await c.call('auth.signIn', { username: who.username, password: who.password });
  return c;
}

const requestIdOf = (page: Page) => page.url().split('/').pop()!;

test.describe('requests', () => {
  let host: Host;
  test.beforeEach(async () => {
    host = await startHost();
    await seedAccounts(host, [MAX, MONA, SUE]);
    await registerAtKiosk(host, CARMEN);
  });
  test.afterEach(async () => {
    await host.stop();
  });

  test('draft, edit and submit at the kiosk; a manager rejects (a reason is required); the customer sees the reason; withdraw; delete and restore; the chain verifies', async ({ browser }) => {
    test.setTimeout(180_000);
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kioskSignIn(kiosk, host, CARMEN);
    await kiosk.getByTestId('tile-requests').click();
    await expect(kiosk.getByText('You have no requests yet.')).toBeVisible();

    // Draft: the form refuses a missing category, then saves.
    await kiosk.getByRole('button', { name: 'New request' }).click();
    await kiosk.getByLabel('Title').fill('Fix the lobby light');
    await kiosk.getByLabel('Description').fill('It flickers in the evening.');
    await kiosk.getByRole('button', { name: 'Save draft' }).click();
    await expect(kiosk.getByText('Choose a category')).toBeVisible();
    await kiosk.getByRole('radio', { name: 'Maintenance' }).click();
    await kiosk.getByRole('button', { name: 'Save draft' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Fix the lobby light' })).toBeVisible();
    await expect(kiosk.getByTestId('request-status')).toHaveText('Draft');

    // Edit the draft.
    await kiosk.getByRole('button', { name: 'Edit' }).click();
    await kiosk.getByLabel('Title').fill('Fix the lobby light, please');
    await kiosk.getByRole('radio', { name: 'High' }).click();
    await kiosk.getByRole('button', { name: 'Save draft' }).click();
    await expect(kiosk.getByRole('heading', { name: 'Fix the lobby light, please' })).toBeVisible();
    await expect(kiosk.getByText('Priority: High')).toBeVisible();

    // Submit: now read-only.
    await kiosk.getByRole('button', { name: 'Submit' }).click();
    await confirm(kiosk);
    await expect(kiosk.getByTestId('request-status')).toHaveText('Waiting for a decision');
    await expect(kiosk.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(kiosk.getByRole('button', { name: 'Withdraw' })).toBeVisible();

    // A manager finds it in the inbox (the dashboard counts it) and rejects: first without a reason.
    const desk = await browser.newPage();
    await staffSignIn(desk, host.staffUrl, MAX.username, MAX.password);
    await expect(desk.getByTestId('stat-approvals-waiting')).toHaveText('1');
    await desk.getByRole('link', { name: /^Approvals/ }).click();
    const row = desk.getByTestId('inbox-row').filter({ hasText: 'Fix the lobby light, please' });
    await expect(row).toContainText('Carmen Vidal');
    await expect(row).toContainText('Maintenance');
    await row.click();
    await expect(desk.getByRole('heading', { name: 'Fix the lobby light, please' })).toBeVisible();
    await desk.getByRole('button', { name: 'Reject', exact: true }).click();
    await desk.getByRole('button', { name: 'Reject with this reason' }).click();
    await expect(desk.getByText('Give a reason for the rejection')).toBeVisible();
    await expect(desk.getByTestId('request-status')).toHaveText('Waiting for a decision');
    await desk.getByLabel('Reason for the rejection').fill('The electrician comes on Monday anyway.');
    await desk.getByRole('button', { name: 'Reject with this reason' }).click();
    await expect(desk.getByTestId('request-status')).toHaveText('Rejected');
    await expect(desk.getByTestId('decision')).toContainText('Rejected by Max Manager');
    await expect(desk.getByTestId('trail-row')).toHaveCount(4);
    await expect(desk.getByTestId('trail-intact')).toHaveText('Every entry checks against the audit chain');

    // The customer sees the decision and the reason, live.
    await expect(kiosk.getByTestId('request-status')).toHaveText('Rejected');
    await expect(kiosk.getByTestId('decision-reason')).toHaveText('Reason: The electrician comes on Monday anyway.');
    await expect(kiosk.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
    await kiosk.getByRole('button', { name: 'Back to my requests' }).click();
    await expect(kiosk.getByTestId('kiosk-request').filter({ hasText: 'Fix the lobby light, please' })).toContainText('Reason: The electrician comes on Monday anyway.');

    // Withdraw another one while it waits.
    await kiosk.getByRole('button', { name: 'New request' }).click();
    await kiosk.getByLabel('Title').fill('Bike rack in the yard');
    await kiosk.getByRole('radio', { name: 'Facilities' }).click();
    await kiosk.getByRole('button', { name: 'Save draft' }).click();
    await kiosk.getByRole('button', { name: 'Submit' }).click();
    await confirm(kiosk);
    await expect(kiosk.getByTestId('request-status')).toHaveText('Waiting for a decision');
    await kiosk.getByRole('button', { name: 'Withdraw' }).click();
    await confirm(kiosk);
    await expect(kiosk.getByTestId('request-status')).toHaveText('Withdrawn');

    // Delete a draft at the kiosk; it leaves the customer's list.
    await kiosk.getByRole('button', { name: 'Back to my requests' }).click();
    await kiosk.getByRole('button', { name: 'New request' }).click();
    await kiosk.getByLabel('Title').fill('Never mind this one');
    await kiosk.getByRole('radio', { name: 'Other' }).click();
    await kiosk.getByRole('button', { name: 'Save draft' }).click();
    await kiosk.getByRole('button', { name: 'Delete draft' }).click();
    await confirm(kiosk);
    await expect(kiosk.getByRole('heading', { name: 'My requests' })).toBeVisible();
    await expect(kiosk.getByTestId('kiosk-request')).toHaveCount(2);
    await expect(kiosk.getByTestId('kiosk-request').filter({ hasText: 'Never mind this one' })).toHaveCount(0);

    // The admin finds it among the deleted requests and restores it; the customer has it back as a draft.
    const admin = await browser.newPage();
    await staffSignIn(admin, host.staffUrl, ADMIN.username, ADMIN.password);
    await admin.getByRole('link', { name: 'Deleted requests' }).click();
    const deleted = admin.getByTestId('deleted-row').filter({ hasText: 'Never mind this one' });
    await expect(deleted).toContainText('Carmen Vidal');
    await deleted.getByRole('button', { name: 'Restore' }).click();
    await expect(admin.getByRole('heading', { name: 'Never mind this one' })).toBeVisible();
    await expect(admin.getByTestId('request-status')).toHaveText('Draft');
    await expect(admin.getByTestId('trail-row')).toHaveCount(3);
    await expect(kiosk.getByTestId('kiosk-request').filter({ hasText: 'Never mind this one' })).toContainText('Draft');

    // After all of it, the whole audit chain verifies.
    await admin.getByRole('link', { name: 'Audit', exact: true }).click();
    await admin.getByRole('button', { name: 'Verify chain' }).click();
    await expect(admin.getByTestId('verify-result')).toContainText('Chain intact');
  });

  test('staff cannot approve (no control, and the method refuses); a manager cannot approve their own request; another manager can', async ({ browser }) => {
    test.setTimeout(120_000);
    // Sue (staff) drafts and submits a request of her own at the desk.
    const sue = await browser.newPage();
    await staffSignIn(sue, host.staffUrl, SUE.username, SUE.password);
    await expect(sue.getByRole('link', { name: /^Approvals/ })).toHaveCount(0);
    await sue.getByRole('link', { name: 'My requests' }).click();
    await sue.getByRole('link', { name: 'New request', exact: true }).click();
    await sue.getByLabel('Title').fill('New headset');
    await sue.getByRole('combobox', { name: 'Category' }).click();
    await sue.getByRole('option', { name: 'Equipment' }).click();
    await sue.getByRole('button', { name: 'Save draft' }).click();
    await expect(sue.getByRole('heading', { name: 'New headset' })).toBeVisible();
    await sue.getByRole('button', { name: 'Submit' }).click();
    await confirm(sue);
    await expect(sue.getByTestId('request-status')).toHaveText('Waiting for a decision');
    await expect(sue.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(sue.getByRole('button', { name: 'Reject', exact: true })).toHaveCount(0);
    const sueRequest = requestIdOf(sue);
    const sueClient = await asStaff(host, SUE);
    await expect(sueClient.call('requests.approve', { id: sueRequest })).rejects.toThrow('FORBIDDEN');
    sueClient.close();

    // Max (manager) makes a request for Carmen at the desk (on her behalf), then one of his own.
    const max = await browser.newPage();
    await staffSignIn(max, host.staffUrl, MAX.username, MAX.password);
    await max.getByRole('link', { name: 'My requests' }).click();
    await max.getByRole('link', { name: 'New request for a customer' }).click();
    await max.getByLabel('Find the customer').fill('carmen');
    await max.getByRole('button', { name: /Carmen Vidal/ }).click();
    await expect(max.getByTestId('chosen-customer')).toContainText('Carmen Vidal');
    await max.getByLabel('Title').fill('Spare key for flat 3B');
    await max.getByRole('combobox', { name: 'Category' }).click();
    await max.getByRole('option', { name: 'General' }).click();
    await max.getByRole('button', { name: 'Save draft' }).click();
    await expect(max.getByText('Made at the front desk by Max Manager for Carmen Vidal.')).toBeVisible();
    await max.getByRole('button', { name: 'Submit' }).click();
    await confirm(max);
    await expect(max.getByTestId('request-status')).toHaveText('Waiting for a decision');
    // He made it, so he cannot decide it: no control, a note, and the core refuses too.
    await expect(max.getByRole('button', { name: 'Approve' })).toHaveCount(0);
    await expect(max.getByTestId('own-cannot-decide')).toBeVisible();
    const maxRequest = requestIdOf(max);
    const maxClient = await asStaff(host, MAX);
    await expect(maxClient.call('requests.approve', { id: maxRequest })).rejects.toThrow('You cannot decide a request you created.');
    maxClient.close();

    // In his inbox it is marked as his; Sue's is his to decide.
    await max.getByRole('link', { name: /^Approvals/ }).click();
    await expect(max.getByTestId('inbox-row')).toHaveCount(2);
    await expect(max.getByTestId('inbox-row').first()).toContainText('New headset');
    await expect(max.getByTestId('inbox-row').filter({ hasText: 'Spare key for flat 3B' })).toContainText('Yours');
    await max.locator('label').filter({ hasText: /^General$/ }).click();
    await expect(max.getByTestId('inbox-row')).toHaveCount(2);
    await max.locator('label').filter({ hasText: /^Borrow$/ }).click();
    await expect(max.getByText('Nothing is waiting for a decision.')).toBeVisible();
    await max.locator('label').filter({ hasText: /^All$/ }).click();
    await max.getByTestId('inbox-row').filter({ hasText: 'New headset' }).click();
    await max.getByRole('button', { name: 'Approve' }).click();
    await confirm(max);
    await expect(max.getByTestId('request-status')).toHaveText('Approved');

    // Mona (another manager) approves Max's request for Carmen; Carmen sees it at the kiosk, made for her at the desk.
    const mona = await browser.newPage();
    await staffSignIn(mona, host.staffUrl, MONA.username, MONA.password);
    await expect(mona.getByTestId('stat-approvals-waiting')).toHaveText('1');
    await mona.getByRole('link', { name: /^Approvals/ }).click();
    await mona.getByTestId('inbox-row').filter({ hasText: 'Spare key for flat 3B' }).click();
    await mona.getByRole('button', { name: 'Approve' }).click();
    await confirm(mona);
    await expect(mona.getByTestId('decision')).toContainText('Approved by Mona Manager');

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kioskSignIn(kiosk, host, CARMEN);
    await kiosk.getByTestId('tile-requests').click();
    const card = kiosk.getByTestId('kiosk-request').filter({ hasText: 'Spare key for flat 3B' });
    await expect(card).toContainText('Approved');
    await expect(card).toContainText('Made for you at the front desk');
  });

  test('screens: approvals inbox, a request with its trail, the kiosk list', async ({ browser }) => {
    test.setTimeout(120_000);
    const kioskClient = await contractSession(host.origin.kiosk);
    await kioskClient.call('auth.customerSignIn', { email: CARMEN.email, pin: CARMEN.pin });
    const make = async (c: Awaited<ReturnType<typeof contractSession>>, title: string, category: string, extra: Record<string, unknown> = {}) => {
      const r = await c.call<{ id: string }>('requests.createDraft', { title, category, ...extra });
      await c.call('requests.submit', { id: r.id });
      return r.id;
    };
    await make(kioskClient, 'Fix the lobby light', 'Maintenance', { description: 'It flickers in the evening, by the mailboxes.', priority: 'high' });
    await make(kioskClient, 'Bike rack in the yard', 'Facilities');
    const sue = await asStaff(host, SUE);
    await make(sue, 'New headset for the desk', 'Equipment', { attachments: ['quote-2024-117.pdf'] });
    const max = await asStaff(host, MAX);
    await make(max, 'Team lunch budget', 'Other');
    const draft = await kioskClient.call<{ id: string }>('requests.createDraft', { title: 'Quiet hours on Sundays', category: 'General' });
    await kioskClient.call('requests.updateDraft', { id: draft.id, description: 'From 14:00 to 17:00.' });
    const rejected = await make(kioskClient, 'Paint the stairwell', 'Maintenance');
    await max.call('requests.reject', { id: rejected, reason: 'Planned for the spring renovation.' });
    kioskClient.close();
    sue.close();
    max.close();

    const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await staffSignIn(desk, host.staffUrl, MAX.username, MAX.password);
    await expect(desk.getByTestId('stat-approvals-waiting')).toHaveText('4');
    await desk.getByRole('link', { name: /^Approvals/ }).click();
    await expect(desk.getByTestId('inbox-row')).toHaveCount(4);
    await desk.screenshot({ path: join(dir, 'requests-approvals-inbox.png') });

    await desk.getByTestId('inbox-row').filter({ hasText: 'Fix the lobby light' }).click();
    await desk.getByRole('button', { name: 'Reject', exact: true }).click();
    await desk.getByRole('button', { name: 'Reject with this reason' }).click();
    await expect(desk.getByText('Give a reason for the rejection')).toBeVisible();
    await desk.screenshot({ path: join(dir, 'requests-reject-needs-reason.png') });
    await desk.getByRole('button', { name: 'Cancel' }).click();

    // In-app navigation (a reload would be a new window, signed out).
    await desk.evaluate((path) => {
      history.pushState({}, '', path);
      dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
    }, `/staff/requests/${rejected}`);
    await expect(desk.getByTestId('trail-row')).toHaveCount(3);
    await desk.getByRole('button', { name: 'Verify the whole chain' }).click();
    await expect(desk.getByTestId('chain-result')).toContainText('Whole chain intact');
    await desk.screenshot({ path: join(dir, 'requests-detail-trail.png'), fullPage: true });

    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kioskSignIn(kiosk, host, CARMEN);
    await kiosk.getByTestId('tile-requests').click();
    await expect(kiosk.getByTestId('kiosk-request')).toHaveCount(4);
    await kiosk.screenshot({ path: join(dir, 'requests-kiosk-mine.png') });
    await kiosk.getByTestId('kiosk-request').filter({ hasText: 'Paint the stairwell' }).click();
    await expect(kiosk.getByTestId('decision-reason')).toBeVisible();
    await kiosk.screenshot({ path: join(dir, 'requests-kiosk-detail.png') });
    await kiosk.getByRole('button', { name: 'Back to my requests' }).click();
    await kiosk.getByRole('button', { name: 'New request' }).click();
    await kiosk.getByLabel('Title').fill('Extra recycling bin');
    await kiosk.getByRole('button', { name: 'Save draft' }).click();
    await expect(kiosk.getByText('Choose a category')).toBeVisible();
    await kiosk.screenshot({ path: join(dir, 'requests-kiosk-form.png') });
  });
});
