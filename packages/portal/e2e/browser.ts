import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`): test tools' own browser downloads fail on our machines. */
export const CHROMIUM = process.env.MARU_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results');

/** Without Chromium the suite is skipped with a hint — except under CI, where it must run. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI)
    throw new Error(
      `${CHROMIUM} is missing, but CI=true: the portal's browser tests must run in CI. Install it with \`apt-get install -y chromium\`.`,
    );
  console.info(
    `[portal e2e] skipped: no ${CHROMIUM}. Install it with \`apt-get install chromium\` to run the browser tests.`,
  );
  return false;
}

/**
 * Chromium for the portal's tests. The portal speaks Korean unless the member chose otherwise (it does not follow
 * the browser's language); a page or context opened with a `locale` stands for a member who chose that language,
 * so the language is stored before the first page loads (a later switch in the test is kept).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions): Promise<BrowserContext> => {
    const context = await newContext(options);
    const lang = options?.locale?.toLowerCase().split('-')[0];
    if (lang === 'en' || lang === 'ko') await context.addInitScript(chooseLanguage, lang);
    return context;
  };
  // newPage opens its own context through the protocol, not through newContext: open it the same way.
  browser.newPage = async (options?: BrowserContextOptions): Promise<Page> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // When the browser closes first, the context is gone already: nothing left to close.
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

/** Runs in the page before its scripts: the member's choice of language, unless one is stored already. */
function chooseLanguage(lang: string): void {
  if (!localStorage.getItem('maru.lang')) localStorage.setItem('maru.lang', lang);
}

/** Saves a full-page screenshot to test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
