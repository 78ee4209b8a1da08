import { defineConfig } from '@playwright/test';

/**
 * Browser tests: Debian's Chromium (no browser is downloaded) against the built app served by the
 * real api, with a real worker, Postgres, Redis and an SMTP server (the mail catcher), all started
 * by e2e/support/global-setup.ts. One worker: the stories share the stack and run in order.
 */
export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: '../.kinship/playwright',
  reporter: [['list'], ['json', { outputFile: '../.kinship/web-e2e.json' }]],
  use: {
    browserName: 'chromium',
    // set by global setup, which picks free ports (workers start after it and inherit it)
    baseURL: process.env.KINSHIP_E2E_BASE_URL,
    launchOptions: {
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    viewport: { width: 360, height: 780 },
    locale: 'en-GB',
    timezoneId: 'Asia/Kathmandu',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
