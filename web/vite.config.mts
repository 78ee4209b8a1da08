import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Three entry points, so a family never downloads organizer code (DESIGN.md, "Web"): the public
 * app, the organizers' console and the check-in app. Built into dist/web, which the api serves.
 */
export default defineConfig({
  root: here,
  base: '/',
  publicDir: resolve(here, 'public'),
  build: {
    outDir: resolve(here, '../dist/web'),
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
});
