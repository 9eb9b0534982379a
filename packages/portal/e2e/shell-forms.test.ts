import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, screenshot } from './browser';
import { startHub, type RunningHub } from './hub';
import { axeViolations, openPortalPage } from './portal-page';
import { signInAs } from './session';

const TEXTS = {
  en: { create: 'Create the key', problem: 'There is a problem', name: 'Give the key a name.' },
  ko: { create: '키 만들기', problem: '입력 내용을 확인해 주세요', name: null },
} as const;

describe.skipIf(!chromiumAvailable())('forms: the error summary and invalid fields', () => {
  let hub: RunningHub;
  let browser: Browser;

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  for (const lang of ['ko', 'en'] as const) {
    for (const width of ['desktop', 'phone'] as const) {
      it(`takes the focus, links every problem to its field and marks the fields (${lang}, ${width})`, async () => {
        const t = TEXTS[lang];
        const { page, problems } = await openPortalPage(browser, { lang, width });
        await signInAs(page, hub.origin, 'dev@hanbit.example', '/account');
        const form = page.locator('form').filter({ has: page.getByRole('button', { name: t.create, exact: true }) });
        await form.getByRole('button', { name: t.create, exact: true }).click();
        const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: t.problem }) });
        await summary.waitFor();
        // The summary has the focus, so a screen reader reads it first.
        expect(await summary.evaluate((box) => box === document.activeElement)).toBe(true);
        if (t.name) await summary.getByRole('link', { name: t.name }).waitFor();
        const links = summary.getByRole('link');
        expect(await links.count()).toBeGreaterThan(0);
        for (const link of await links.all()) {
          const message = (await link.textContent())!.trim();
          await link.click();
          // The focused control is the field the problem names: invalid, red, its message beside it.
          const field = await page.evaluate(() => {
            const control = document.activeElement as HTMLElement;
            const holder = control.closest('.maru-field')!;
            const described = (control.getAttribute('aria-describedby') ?? '')
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '');
            return {
              tag: control.tagName,
              invalid:
                control.getAttribute('aria-invalid') ??
                holder.querySelector('[aria-invalid]')?.getAttribute('aria-invalid'),
              marked: holder.classList.contains('maru-field--invalid'),
              message: holder.querySelector('.maru-field__error')?.textContent,
              described,
              border: getComputedStyle(control).borderColor,
            };
          });
          expect(field.tag).toMatch(/INPUT|SELECT|TEXTAREA/);
          expect(field.marked).toBe(true);
          expect(field.message).toBe(message);
          if (field.tag === 'INPUT' && field.invalid === 'true') {
            expect(field.described).toContain(message);
            // --maru-danger, #b3261e
            expect(field.border).toBe('rgb(179, 38, 30)');
          }
        }
        await screenshot(page, `shell-error-summary-${lang}-${width === 'phone' ? 375 : 1280}`);
        expect(await axeViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }
});
