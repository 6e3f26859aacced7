// Flat config. Module boundaries (see README "Architecture") are enforced here:
// - packages/shared imports nothing from apps or server-only packages;
// - the web app never imports server-only packages or Node built-ins;
// - web features never import each other (tools/eslint/feature-boundaries.js).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import wharf from './tools/eslint/feature-boundaries.js';

const SERVER_ONLY = [
  '@wharf/bff',
  '@wharf/apiserver',
  '@wharf/controller',
  '@kubernetes/client-node',
  'express',
  'socket.io',
  'pino',
  'helmet',
  'prom-client',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '.wharf/**',
      '**/.wharf/**',
      'test-results/**',
      'playwright-report/**',
      '.test-output/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['packages/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@wharf/*', '!@wharf/shared'],
              message: 'packages/shared must not depend on other Wharf packages.',
            },
            { group: ['**/apps/**'], message: 'packages/shared must not import from apps.' },
            {
              group: ['node:*'],
              message: 'packages/shared runs in the browser too: no Node built-ins.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['packages/shared/test/**', 'packages/shared/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, wharf },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Wharf does not run the React Compiler, so "can't be compiled" notices don't apply.
      'react-hooks/incompatible-library': 'off',
      'wharf/no-cross-feature-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: SERVER_ONLY, message: 'The web app must not import server-only packages.' },
            { group: ['node:*'], message: 'The web app runs in the browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
);
