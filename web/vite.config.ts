import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * Three entry points, so a family never downloads organizer code (DESIGN.md, "Web"): the public
 * app, the organizers' console and the check-in app. Built into dist/web, which the api serves.
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  publicDir: resolve(__dirname, 'public'),
  build: {
    outDir: resolve(__dirname, '../dist/web'),
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
        index: resolve(__dirname, 'index.html'),
        console: resolve(__dirname, 'console.html'),
        checkin: resolve(__dirname, 'checkin.html'),
      },
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
