import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { webSizes } from '../../bench/lib/web-sizes';
import { ROOT } from './support/stack';

/**
 * Page weight on the built files (DESIGN.md, "Budgets", gzip): what a phone downloads before it
 * can show anything, and each page loaded after. Global setup built the app, as `npm run build` does.
 */
const DIST = join(ROOT, 'dist', 'web');
const KB = 1024;
const sizes = webSizes(DIST);
const pageCount = sizes.publicPages.filter((p) => /Page\.tsx$/.test(p.key)).length;

test('the public entry point loads at most 130 kB of JS and 20 kB of CSS, its language and first page included', () => {
  // The heaviest language and the heaviest page a family may land on come with the first load.
  expect(sizes.catalogues).toHaveLength(3);
  expect(pageCount).toBeGreaterThanOrEqual(12);
  const { publicEntry: base, heaviestCatalogue, heaviestPage, firstLoadJs: firstLoad } = sizes;
  console.log(
    `public first load: ${(firstLoad / KB).toFixed(1)} kB JS (entry ${(base.js / KB).toFixed(1)}, language ${(heaviestCatalogue.js / KB).toFixed(1)}, page ${(heaviestPage.js / KB).toFixed(1)}), ${(base.css / KB).toFixed(1)} kB CSS`,
  );
  expect(firstLoad).toBeLessThanOrEqual(130 * KB);
  expect(base.css).toBeLessThanOrEqual(20 * KB);
});

test('each lazily loaded public page adds at most 30 kB of JS', () => {
  expect(sizes.publicPages.length).toBeGreaterThanOrEqual(12);
  const over = sizes.publicPages.filter((p) => p.js > 30 * KB);
  expect(over).toEqual([]);
});

test('the console shell stays within 250 kB and the check-in shell within 180 kB', () => {
  const { consoleShellJs: consoleJs, checkinShellJs: checkinJs } = sizes;
  console.log(`console shell ${(consoleJs / KB).toFixed(1)} kB, check-in shell ${(checkinJs / KB).toFixed(1)} kB`);
  expect(consoleJs).toBeLessThanOrEqual(250 * KB);
  expect(checkinJs).toBeLessThanOrEqual(180 * KB);
});

test('a family never downloads organizer code: the public entry shares no chunk with the console', () => {
  expect(sizes.publicFiles.length).toBeGreaterThan(12);
  expect(sizes.publicFiles).not.toContain(sizes.consoleEntryFile);
  expect(sizes.publicFiles).not.toContain(sizes.checkinEntryFile);
});
