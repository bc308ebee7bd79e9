// One linter, flat config: typescript-eslint (strict, type-checked), React hooks, jsx-a11y, TanStack Query,
// and the import boundaries of the feature-folder layout (app → features → entities → lib/ui).
import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const features = ['overview', 'node-page', 'topology', 'fleet-events', 'chat', 'presence', 'incidents']

// Test-only code lives in a `testing/` folder (the chat's older `test/` too); production code never imports it.
const testOnlyFolders = ['src/**/testing/**', 'src/**/test/**']
const testFiles = ['**/*.test.{ts,tsx}', ...testOnlyFolders]

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench*',
      'server/dist',
      'server/dist.tmp-*',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      '.synapse',
      '.tools',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parser options (no project service), or nested scripts fail to parse.
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, 'import-x': importX },
    extends: [pluginQuery.configs['flat/recommended']],
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Lower layers never reach up.
            { target: ['./src/lib', './src/ui'], from: ['./src/app', './src/features', './src/entities'] },
            { target: './src/entities', from: ['./src/app', './src/features'] },
            { target: './src/features', from: './src/app' },
            // Features are composed only in src/app: no feature imports another.
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(testing|test)/',
              message: 'Test doubles are for tests: production code does not import from a testing/ folder.',
            },
            {
              group: ['vitest', 'vitest/*', '@testing-library/*', 'msw/node'],
              message: 'Test tooling stays in tests and testing/ folders.',
            },
          ],
        },
      ],
    },
  },
  {
    // A stand-in, fake, manual clock, in-memory channel or simulation is a test double: it lives in testing/.
    files: ['src/**/*{stand-in,fake,manual-clock,memory-channel,simulation}*.{ts,tsx}'],
    ignores: testFiles,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program',
          message: 'Test doubles and simulations live in a testing/ folder, not beside production code.',
        },
      ],
    },
  },
  {
    // Shared by the browser and the server's incident bot: plain TypeScript and zod only, relative imports
    // (Node runs the server's TypeScript without the bundler's alias). Replaces the rule above for these
    // files, so it repeats its test-folder pattern.
    files: ['src/entities/incident/**/*.ts', 'src/entities/node/model/hub-services.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*', 'node:*', '@/*', '@mocks/*', 'matrix-js-sdk'] },
            { regex: '(^|/)(testing|test)/' },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts', 'scripts/**/*.ts', '*.config.ts', 'mocks/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
