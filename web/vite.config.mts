import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

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
      for (const file of walk(out).filter((f) => /\.(js|css|svg|webmanifest)$/.test(f))) {
        const body = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
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
      input: {
        index: resolve(here, 'index.html'),
        console: resolve(here, 'console.html'),
        checkin: resolve(here, 'checkin.html'),
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
});
