import type { Page } from 'playwright-core';

const signOutButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true });

/** Signs in through the sign-in page's demo member list (`POST /auth/demo`), as a newcomer would (signing out whoever is in first). */
export async function signIn(page: Page, name: string): Promise<void> {
  if (await signOutButton(page).isVisible()) await signOut(page);
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await signOutButton(page).waitFor();
}

/**
 * Opens a session for a demo member straight through `POST /auth/demo` (the browser context keeps the cookies),
 * then loads `path`: for tests whose subject is not the sign-in page.
 */
export async function signInAs(page: Page, origin: string, email: string, path = '/'): Promise<void> {
  const response = await page.request.post(`${origin}/auth/demo`, { data: { email } });
  if (!response.ok()) throw new Error(`POST /auth/demo answered ${response.status()}: ${await response.text()}`);
  await page.goto(`${origin}${path}`);
  // The account link in the header shows the session is known, in whichever language the page speaks.
  await page.getByRole('banner').locator('a.account__name').waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await signOutButton(page).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).waitFor();
}
