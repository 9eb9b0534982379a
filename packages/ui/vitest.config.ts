import { existsSync } from 'node:fs';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Story tests render every story in Debian's Chromium (test tools' own browser
// downloads fail on our machines). Without it they are skipped, except in CI,
// where test/stories-need-chromium.test.ts fails instead.
const chromium = process.env.MARU_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const unit: TestProjectInlineConfiguration = {
  extends: true,
  test: {
    name: 'unit',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/stories-need-chromium.test.ts'],
    environment: 'node',
  },
};

const withoutChromium: TestProjectInlineConfiguration = {
  extends: true,
  test: { name: 'stories', include: ['test/stories-need-chromium.test.ts'], env: { MARU_CHROMIUM_PATH: chromium } },
};

// Each story runs twice: in English and in Korean (the toolbar's `locale` global).
async function stories(locale: 'en' | 'ko'): Promise<TestProjectInlineConfiguration> {
  const { storybookTest } = await import('@storybook/addon-vitest/vitest-plugin');
  const { playwright } = await import('@vitest/browser-playwright');
  return {
    extends: true,
    plugins: [await storybookTest({ configDir: '.storybook', initialGlobals: { locale } })],
    test: {
      name: `stories (${locale})`,
      browser: {
        enabled: true,
        headless: true,
        provider: playwright({ launchOptions: { executablePath: chromium, args: CHROMIUM_FLAGS } }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
}

export default defineConfig({
  test: { projects: existsSync(chromium) ? [unit, await stories('en'), await stories('ko')] : [unit, withoutChromium] },
});
