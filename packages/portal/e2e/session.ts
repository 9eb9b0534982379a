import type { Page } from 'playwright-core';

const banner = (page: Page) => page.getByRole('banner');

/**
 * Opens what holds the header's links and buttons when they are folded away: the phone's "Menu" and the account
 * menu (the button with the member's name). Works in either language and at either width.
 */
export async function openHeaderMenus(page: Page): Promise<void> {
  // A button seen a moment ago may be gone (the header re-renders as the session changes): not there, not folded.
  const folded = async (button: ReturnType<Page['locator']>) =>
    (await button.isVisible()) &&
    (await button.getAttribute('aria-expanded', { timeout: 1_000 }).catch(() => null)) === 'false';
  const menu = banner(page).locator('button.app-menu-button');
  if (await folded(menu)) await menu.click();
  const account = banner(page).locator('button.account__toggle');
  if (await folded(account)) await account.click();
}

/** Follows a link of the header (main navigation or account menu), opening the menus it is folded into. */
export async function clickHeaderLink(page: Page, name: string | RegExp): Promise<void> {
  await openHeaderMenus(page);
  await banner(page)
    .getByRole('link', { name, exact: typeof name === 'string' })
    .first()
    .click();
}

const signOutButton = (page: Page) => banner(page).getByRole('button', { name: 'Sign out', exact: true });
/** The account menu is in the page once the session is known, open or folded. */
const accountMenu = (page: Page) => banner(page).locator('.account');

/** Signs in through the sign-in page's demo member list (`POST /auth/demo`), as a newcomer would (signing out whoever is in first). */
export async function signIn(page: Page, name: string): Promise<void> {
  if ((await accountMenu(page).count()) > 0) await signOut(page);
  await openHeaderMenus(page);
  await banner(page).getByRole('link', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${name}`) }).click();
  await accountMenu(page).waitFor({ state: 'attached' });
}

/**
 * Opens a session for a demo member straight through `POST /auth/demo` (the browser context keeps the cookies),
 * then loads `path`: for tests whose subject is not the sign-in page.
 */
export async function signInAs(page: Page, origin: string, email: string, path = '/'): Promise<void> {
  const response = await page.request.post(`${origin}/auth/demo`, { data: { email } });
  if (!response.ok()) throw new Error(`POST /auth/demo answered ${response.status()}: ${await response.text()}`);
  await page.goto(`${origin}${path}`);
  // The account menu in the header shows the session is known, in whichever language the page speaks.
  try {
    await accountMenu(page).waitFor({ state: 'attached' });
  } catch (error) {
    // Say what the page showed instead: a timeout alone does not tell a slow machine from a refused session.
    const shown = await page
      .locator('body')
      .innerText()
      .catch(() => '(unreadable)');
    throw new Error(`no account menu after signing in as ${email} at ${path}; the page shows: ${shown.slice(0, 600)}`, {
      cause: error,
    });
  }
}

export async function signOut(page: Page): Promise<void> {
  await openHeaderMenus(page);
  await signOutButton(page).click();
  // Signed out once the header has dropped the account menu.
  await accountMenu(page).waitFor({ state: 'detached' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await openHeaderMenus(page);
  await banner(page).getByRole('link', { name: 'Sign in', exact: true }).waitFor();
}
