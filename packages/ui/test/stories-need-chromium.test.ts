import { describe, it } from 'vitest';

// Loaded only when Chromium is missing (see vitest.config.ts, which passes the path it looked for).
const chromium = process.env.MARU_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';

describe('story tests', () => {
  // Like the MongoDB suites: outside CI a missing browser skips them with a hint; in CI it fails.
  if (!ci)
    console.info(
      `[story tests] skipped: ${chromium} is missing. Run \`apt-get install chromium\` (or set MARU_CHROMIUM to a Chromium binary) to run them.`,
    );
  it.runIf(ci)('run in Chromium', () => {
    throw new Error(
      `${chromium} is missing, but CI=true: the story tests must run in CI. Install it with \`apt-get install -y chromium\` (or set MARU_CHROMIUM to a Chromium binary).`,
    );
  });
});
