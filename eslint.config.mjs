// @ts-check
import jest from 'eslint-plugin-jest';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const rules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.mjs', 'web/src/api/schema.d.ts', '.kinship/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['{src,test,bench,migrations}/**/*.ts'],
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules,
  },
  {
    // A focused or skipped test lets the suite pass on less than it claims; an expect that asserts
    // nothing (no matcher, a promise never awaited) passes on nothing, and so does one in a catch,
    // which nothing throwing skips: write `expect(() => ...).toThrow(...)` or `rejects` instead.
    // (jest/no-conditional-expect is not used: it also refuses a table-driven test's branches.)
    files: ['test/**/*.ts', 'src/**/*.spec.ts', 'web/src/**/*.test.{ts,tsx}'],
    plugins: { jest },
    settings: { jest: { version: 30 } },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/valid-expect': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CatchClause CallExpression[callee.name='expect']",
          message: 'An expect in a catch is skipped when nothing throws: use expect(...).toThrow or rejects.',
        },
        {
          selector: "CallExpression[callee.property.name='catch'] CallExpression[callee.name='expect']",
          message: 'An expect in .catch() is skipped when nothing rejects: use await expect(...).rejects.',
        },
      ],
    },
  },
  {
    // The web app's tests import describe, it and expect from vitest, which has the same API.
    files: ['web/src/**/*.test.{ts,tsx}'],
    settings: { jest: { version: 30, globalPackage: 'vitest' } },
  },
  {
    // Playwright's own `forbidOnly` refuses .only in the browser tests; this refuses skips too.
    files: ['web/e2e/**/*.spec.ts'],
    plugins: { jest },
    settings: { jest: { version: 30, globalPackage: '@playwright/test' } },
    rules: { 'jest/no-focused-tests': 'error', 'jest/no-disabled-tests': 'error' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}', 'web/*.{ts,mts}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: {
      parserOptions: { project: './web/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      ...rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['web/e2e/**/*.ts', 'web/playwright.config.ts'],
    languageOptions: {
      parserOptions: { project: './web/e2e/tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules,
  },
);
