import type { Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './stack';

const DIR = join(ROOT, 'docs', 'screens');

/** Saves what the person sees into docs/screens/ (the README shows them). */
export async function saveScreen(page: Page, name: string): Promise<void> {
  if (process.env.KINSHIP_SCREENS === '0') return;
  mkdirSync(DIR, { recursive: true });
  await page.screenshot({ path: join(DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
}
