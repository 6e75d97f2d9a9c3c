import { expect, type Page } from '@playwright/test';

export async function staffSignIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
}

export async function createPerson(page: Page, p: { name: string; email?: string; phone?: string }): Promise<void> {
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: 'New person' }).click();
  await page.getByLabel('Name').fill(p.name);
  if (p.email) await page.getByLabel('Email').fill(p.email);
  if (p.phone) await page.getByLabel('Phone').fill(p.phone);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: p.name })).toBeVisible();
}
