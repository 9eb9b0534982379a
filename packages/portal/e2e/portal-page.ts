import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** The two widths every new screen is tried at: a desktop and a phone (KRDS's smallest breakpoint). */
export const WIDTHS = { desktop: 1280, phone: 375 } as const;
export type Width = keyof typeof WIDTHS;

export interface PortalPageOptions {
  /** The language the portal starts in (stored as the member's choice before the first page loads). */
  lang: 'ko' | 'en';
  width?: Width;
  /** The browser's time zone (Seoul unless a test checks that Korea time holds elsewhere). */
  timezoneId?: string;
}

/**
 * A page of the portal in a given language and width, collecting console errors, page errors and HTTP errors
 * so a test can assert the screen ran clean.
 */
export async function openPortalPage(
  browser: Browser,
  { lang, width = 'desktop', timezoneId = 'Asia/Seoul' }: PortalPageOptions,
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: WIDTHS[width], height: width === 'phone' ? 812 : 1000 },
    locale: lang === 'ko' ? 'ko-KR' : 'en-US',
    timezoneId,
  });
  await context.addInitScript((chosen) => localStorage.setItem('maru.lang', chosen), lang);
  const page = await context.newPage();
  // Generous: the machine running the suite may be busy with other builds.
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return { page, problems };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules on the page as it stands; the violations, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Through the debugging protocol, not a script tag: the portal's CSP (script-src 'self') rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } })
      .axe;
    interface AxeResults {
      violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
    }
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
  });
  return violations;
}
