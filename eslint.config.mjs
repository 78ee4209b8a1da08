// @ts-check
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
