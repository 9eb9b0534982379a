import { describe, it } from 'vitest';

// Loaded only when Chromium is missing (see vitest.config.ts).
const chromium = process.env.MARU_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';

describe('story tests', () => {
  if (ci) {
    it('run in Chromium', () => {
      throw new Error(`${chromium} is missing, but CI=true: the story tests must run in CI. Install it with \`apt-get install -y chromium\` (or set MARU_CHROMIUM to a Chromium binary).`);
    });
  } else {
    console.info(`[story tests] skipped: ${chromium} is missing. Run \`apt-get install chromium\` (or set MARU_CHROMIUM to a Chromium binary) to run them.`);
    it.skip('run in Chromium', () => {});
  }
});
