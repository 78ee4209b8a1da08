import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab until `target` has focus (as a keyboard user moves through the page), or fails. */
export async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  await expect(target).toBeAttached();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reachable with the Tab key').toBeFocused();
}
