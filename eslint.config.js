// ESLint flat config (ESLint 9). Type-aware rules are not enabled: `tsc --noEmit` in `npm run lint` covers types.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserCode = [
  'src/**/*.ts',
  'test/**/*.ts',
  'stories/**/*.ts',
  'demo/**/*.{ts,js}',
  '.storybook/preview.ts',
];
const nodeCode = [
  'scripts/**/*.{js,mjs}',
  '*.config.{js,mjs,ts}',
  '.storybook/main.ts',
  'demo/server/**/*.{ts,js,mjs}',
];

export default [
  {
    ignores: [
      'dist/',
      'dist-demo/',
      'demo/server/data/',
      'storybook-static/',
      'node_modules/',
      'coverage/',
      'custom-elements.json',
      'src/localization/generated/',
      '.cache/',
      'bench-results/',
    ],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,

  // Lit templates, custom-element rules and template accessibility, on the code that runs in the browser.
  {
    files: browserCode,
    ...lit.configs['flat/recommended'],
  },
  {
    files: browserCode,
    ...wc.configs['flat/best-practice'],
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      ...wc.configs['flat/best-practice'].rules,
      // LitElement always defines connectedCallback/disconnectedCallback; guarding `super.x()` is noise.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: browserCode,
    ...litA11y.configs.recommended,
  },

  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },

  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Elements never import an adapter implementation: the store is the only caller of an adapter.
  {
    files: ['src/elements/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/memory', '**/adapters/memory/**', '**/adapters/memory.js'],
              message: 'Elements never import an adapter implementation; use the store (see CONVENTIONS.md).',
            },
            {
              group: ['**/adapters/http', '**/adapters/http/**', '**/adapters/http.js'],
              message: 'Elements never import an adapter implementation; use the store (see CONVENTIONS.md).',
            },
          ],
        },
      ],
    },
  },

  { files: browserCode, languageOptions: { globals: { ...globals.browser } } },
  { files: nodeCode, languageOptions: { globals: { ...globals.node } } },

  // Chai assertions are expressions (`expect(x).to.be.true`).
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
];
