// A phone as the commune's officials carry one: a small touch screen, Vietnamese, Hanoi time
// (the locale and time zone come from playwright.config.ts). Screenshots go under test-results
// (never committed) for a person to look at.
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { newDevice } from './helpers';

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export const newPhone = (browser: Browser, options: BrowserContextOptions = {}) =>
  newDevice(browser, { ...PHONE, ...options });

const port = process.env.E2E_PORT ?? '4173';

/** Saves a full-page screenshot as test-results/screens-<port>/<name>.png. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens-${port}/${name}.png`, fullPage: true });
}
