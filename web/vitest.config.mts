import { defineConfig } from 'vitest/config';

/** Units and components of the web app, in happy-dom (no browser); the browser tests live in e2e/. */
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    passWithNoTests: false,
  },
});
