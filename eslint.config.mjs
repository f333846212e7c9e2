// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.native/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Type-only imports vanish at build time; keeps the preload and renderer bundles free of main code.
      '@typescript-eslint/consistent-type-imports': 'error',
      // `any` switches the checker off; each real need must say why in a disable comment.
      '@typescript-eslint/no-explicit-any': 'error',
      // Unused values are usually a bug in a half-finished change.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Clinical code must not leave debugging output behind; logs go through the logger.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Comparisons with == hide type coercion of clinical numbers.
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      // core and shared run without Electron (tests, web host); only src-main/electron may import it.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'core and shared must stay Electron-free' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'tests/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches main only through the typed client.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-main/**', 'electron', 'better-sqlite3', 'node:*'], message: 'the renderer talks to main only through the contract' }] }],
    },
  },
  {
    files: ['scripts/**/*.{mjs,ts}', 'bench/**/*.ts', 'src-main/hosts/**/*.ts'],
    // Command-line entry points print their results.
    rules: { 'no-console': 'off' },
  },
);
