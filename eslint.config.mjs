import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer boundaries (STYLE.md §1): shared/ runs anywhere, renderer/ never reaches main, and only the thin shell in
 * electron/main and electron/preload may import `electron`.
 */
const nodeBuiltinNames = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'worker_threads', 'util', 'stream', 'events', 'buffer', 'process'];
const nodeBuiltins = ['node:*'];
const nodePaths = (message) => nodeBuiltinNames.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'bin/**', 'build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**', 'test/**', 'electron/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodePaths('shared/ runs anywhere: no Node APIs.'),
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ runs anywhere: no Electron.' },
          { group: nodeBuiltins, message: 'shared/ runs anywhere: no Node APIs.' },
          { group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom', 'zustand'], message: 'shared/ imports only shared/.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodePaths('The renderer has no Node APIs.'),
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer talks to main only through window.strata.' },
          { group: ['**/electron/**'], message: 'renderer/ never imports electron/: use the contract in shared/.' },
          { group: nodeBuiltins, message: 'The renderer has no Node APIs.' },
        ],
      }],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'Services run in plain Node (CLI, tests): only electron/main and electron/preload import electron.' },
          { group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'Services do not depend on the shell or the renderer.' },
        ],
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'Main never imports the renderer.' }],
      }],
    },
  },
);
