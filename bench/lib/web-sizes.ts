import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a phone downloads from the built web app (`dist/web`, Vite's manifest), compressed with
 * gzip at level 9: the budgets of DESIGN.md are in gzip. Used by the budget test
 * (web/e2e/budgets.spec.ts) and by the bench, so both count the same bytes.
 */
export interface Chunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  src?: string;
}

export interface Weight {
  js: number;
  css: number;
  /** The same files as the api sends them to a browser that takes brotli (built `.br` copies). */
  jsBrotli: number;
}

export interface WebSizes {
  /** The public entry and everything it imports statically. */
  publicEntry: Weight;
  /** The heaviest language catalogue and the heaviest public page, beyond the entry. */
  heaviestCatalogue: { key: string; js: number; jsBrotli: number };
  heaviestPage: { key: string; js: number; jsBrotli: number };
  /** entry + heaviest catalogue + heaviest page: a family's first load at most. */
  firstLoadJs: number;
  firstLoadJsBrotli: number;
  catalogues: string[];
  /** Every lazily loaded public chunk with what it adds beyond the entry. */
  publicPages: { key: string; js: number }[];
  consoleShellJs: number;
  checkinShellJs: number;
  /** Files of the public entry and its lazy pages (never the console's or the check-in's entry). */
  publicFiles: string[];
  consoleEntryFile: string;
  checkinEntryFile: string;
}

export function webSizes(dist: string): WebSizes {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  const br = (file: string) => {
    const path = join(dist, `${file}.br`);
    return existsSync(path) ? readFileSync(path).length : NaN;
  };
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const k of manifest[key].imports ?? []) closure(k, seen);
    return seen;
  };
  const weight = (keys: Iterable<string>): Weight => {
    let js = 0;
    let jsBrotli = 0;
    let css = 0;
    const cssFiles = new Set<string>();
    for (const k of keys) {
      js += gz(manifest[k].file);
      jsBrotli += br(manifest[k].file);
      for (const c of manifest[k].css ?? []) cssFiles.add(c);
    }
    for (const c of cssFiles) css += gz(c);
    return { js, css, jsBrotli };
  };
  const entry = (html: string) => Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith(html))!;
  const first = closure(entry('index.html'));
  const lazy = Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry);
  const extra = (k: string) => weight([...closure(k)].filter((x) => !first.has(x)));
  const heaviest = (keys: string[]) =>
    keys
      .map((key) => ({ key, ...extra(key) }))
      .reduce((a, b) => (b.js > a.js ? b : a), { key: '', js: 0, jsBrotli: 0, css: 0 });
  const catalogues = lazy.filter((k) => /^src\/i18n\/(en|zh-CN|ne)\.ts$/.test(k));
  const pageKeys = lazy.filter((k) => /src\/public\/.*Page\.tsx$/.test(k));
  const publicEntry = weight(first);
  const c = heaviest(catalogues);
  const p = heaviest(pageKeys);
  const lazyPublic = lazy.filter((k) => /src\/public\//.test(k));
  const publicFiles = [...first].map((k) => manifest[k].file);
  for (const k of lazyPublic) publicFiles.push(...[...closure(k)].map((x) => manifest[x].file));
  return {
    publicEntry,
    heaviestCatalogue: { key: c.key, js: c.js, jsBrotli: c.jsBrotli },
    heaviestPage: { key: p.key, js: p.js, jsBrotli: p.jsBrotli },
    firstLoadJs: publicEntry.js + c.js + p.js,
    firstLoadJsBrotli: publicEntry.jsBrotli + c.jsBrotli + p.jsBrotli,
    catalogues,
    publicPages: lazyPublic.map((key) => ({ key, js: extra(key).js })),
    consoleShellJs: weight(closure(entry('console.html'))).js,
    checkinShellJs: weight(closure(entry('checkin.html'))).js,
    publicFiles,
    consoleEntryFile: manifest[entry('console.html')].file,
    checkinEntryFile: manifest[entry('checkin.html')].file,
  };
}
