import type { Page } from 'playwright-core';

/** Signs in through the sign-in page's demo member list, as a newcomer would (signing out whoever is in first). */
export async function signIn(page: Page, name: string): Promise<void> {
  const signOutButton = page.getByRole('button', { name: 'Sign out' });
  if (await signOutButton.isVisible()) await signOut(page);
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await signOutButton.waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
}
