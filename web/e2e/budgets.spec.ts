import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './support/stack';

/**
 * Page weight on the built files (DESIGN.md, "Budgets", gzip): what a phone downloads before it
 * can show anything, and each page loaded after. Global setup built the app, as `npm run build` does.
 */
const DIST = join(ROOT, 'dist', 'web');
const KB = 1024;

interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  src?: string;
}
const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** A chunk and everything it imports statically: what the browser must fetch to run it. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) closure(k, seen);
  return seen;
}
function weight(keys: Iterable<string>): { js: number; css: number } {
  let js = 0;
  let css = 0;
  const cssFiles = new Set<string>();
  for (const k of keys) {
    js += gz(manifest[k].file);
    for (const c of manifest[k].css ?? []) cssFiles.add(c);
  }
  for (const c of cssFiles) css += gz(c);
  return { js, css };
}
const entry = (html: string) => Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith(html))!;

test('the public entry point loads at most 130 kB of JS and 20 kB of CSS, its language and first page included', () => {
  const first = closure(entry('index.html'));
  const base = weight(first);
  // The heaviest language and the heaviest page a family may land on come with the first load.
  const lazy = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
  const extra = (k: string) => weight([...closure(k)].filter((x) => !first.has(x)));
  const catalogues = lazy.filter((k) => /i18n\/(en|zh-CN|ne)\.ts$/.test(k));
  expect(catalogues).toHaveLength(3);
  const heaviestCatalogue = Math.max(...catalogues.map((k) => extra(k).js));
  const pages = lazy.filter((k) => /src\/public\/.*Page\.tsx$/.test(k));
  expect(pages.length).toBeGreaterThanOrEqual(12);
  const heaviestPage = Math.max(...pages.map((k) => extra(k).js));
  const firstLoad = base.js + heaviestCatalogue + heaviestPage;
  console.log(
    `public first load: ${(firstLoad / KB).toFixed(1)} kB JS (entry ${(base.js / KB).toFixed(1)}, language ${(heaviestCatalogue / KB).toFixed(1)}, page ${(heaviestPage / KB).toFixed(1)}), ${(base.css / KB).toFixed(1)} kB CSS`,
  );
  expect(firstLoad).toBeLessThanOrEqual(130 * KB);
  expect(base.css).toBeLessThanOrEqual(20 * KB);
});

test('each lazily loaded public page adds at most 30 kB of JS', () => {
  const first = closure(entry('index.html'));
  const pages = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /src\/public\//.test(k));
  const over = pages
    .map((k) => ({ page: k, js: weight([...closure(k)].filter((x) => !first.has(x))).js }))
    .filter((p) => p.js > 30 * KB);
  expect(over).toEqual([]);
});

test('the console shell stays within 250 kB and the check-in shell within 180 kB', () => {
  const consoleJs = weight(closure(entry('console.html'))).js;
  const checkinJs = weight(closure(entry('checkin.html'))).js;
  console.log(`console shell ${(consoleJs / KB).toFixed(1)} kB, check-in shell ${(checkinJs / KB).toFixed(1)} kB`);
  expect(consoleJs).toBeLessThanOrEqual(250 * KB);
  expect(checkinJs).toBeLessThanOrEqual(180 * KB);
});

test('a family never downloads organizer code: the public entry shares no chunk with the console', () => {
  const publicFiles = [...closure(entry('index.html'))].map((k) => manifest[k].file);
  const lazyPublic = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry && /src\/public\//.test(k));
  for (const k of lazyPublic) publicFiles.push(...[...closure(k)].map((x) => manifest[x].file));
  const consoleFile = manifest[entry('console.html')].file;
  const checkinFile = manifest[entry('checkin.html')].file;
  expect(publicFiles).not.toContain(consoleFile);
  expect(publicFiles).not.toContain(checkinFile);
});
