import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../dist/web');

/**
 * Writes a brotli and a gzip copy beside every text file of the build, once, at the strongest level:
 * the api sends whichever the browser accepts without compressing anything per request.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? (name === '.vite' ? [] : walk(path)) : [path];
    });
  return {
    name: 'kinship-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(out).filter((f) => /\.(js|css|svg|webmanifest|wasm)$/.test(f))) {
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

/**
 * Writes the check-in app's service worker (web/src/checkin/sw.js) with the files its entry needs,
 * its languages included, read from the build's manifest: the worker that a door device installs
 * keeps exactly those, and a new build (other hashes) is a new worker.
 */
function checkinServiceWorker(): Plugin {
  interface Chunk {
    file: string;
    isEntry?: boolean;
    imports?: string[];
    dynamicImports?: string[];
    css?: string[];
    assets?: string[];
  }
  return {
    name: 'kinship-checkin-sw',
    apply: 'build',
    writeBundle() {
      const manifest = JSON.parse(readFileSync(join(out, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
      const files = new Set<string>();
      const add = (key: string) => {
        const chunk = manifest[key];
        if (!chunk || files.has(`/${chunk.file}`)) return;
        files.add(`/${chunk.file}`);
        chunk.css?.forEach((c) => files.add(`/${c}`));
        chunk.imports?.forEach(add);
        chunk.assets?.forEach((a) => files.add(`/${a}`));
        // The words of every language (the door may switch) and the QR reader, not other lazy pages.
        chunk.dynamicImports?.filter((k) => /(i18n\/[^/]+|checkin\/zxing)\.ts$/.test(k)).forEach(add);
      };
      add('checkin.html');
      const assets = [...files, '/favicon.svg', '/checkin.webmanifest'].sort();
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(join(here, 'src', 'checkin', 'sw.js'), 'utf8')
        .replace('__CHECKIN_ASSETS__', JSON.stringify(assets))
        .replace('__CHECKIN_VERSION__', JSON.stringify(version));
      writeFileSync(join(out, 'checkin-sw.js'), source);
    },
  };
}

/**
 * Three entry points, so a family never downloads organizer code (DESIGN.md, "Web"): the public
 * app, the organizers' console and the check-in app. Built into dist/web, which the api serves.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: resolve(here, 'public'),
  build: {
    outDir: out,
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    // Hashed file names under /assets/: the api caches them for a year.
    assetsDir: 'assets',
    rollupOptions: {
      // Libraries mark React client modules with "use client"; a browser bundle has no server side.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // The libraries every page runs on, in one chunk of their own: cached across releases of
        // the app's code, and named for what they are.
        manualChunks: (id: string) =>
          /node_modules\/(react|react-dom|scheduler|react-router|@tanstack|openapi-fetch)\//.test(id)
            ? 'vendor'
            : undefined,
      },
      input: {
        index: resolve(here, 'index.html'),
        console: resolve(here, 'console.html'),
        checkin: resolve(here, 'checkin.html'),
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [checkinServiceWorker(), precompress()],
});
